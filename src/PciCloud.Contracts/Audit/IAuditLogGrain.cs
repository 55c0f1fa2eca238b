namespace PciCloud.Contracts.Audit;

/// <summary>A tenant's append-only, hash-chained audit trail (key: tenant id).</summary>
[Alias("pcicloud.audit-log-grain.v1")]
public interface IAuditLogGrain : IGrainWithStringKey
{
    [Alias("append")] Task<AuditEvent> AppendAsync(AuditRecord record);

    [Alias("list")] Task<IReadOnlyList<AuditEvent>> ListAsync(DateTimeOffset? from, DateTimeOffset? to);
}
