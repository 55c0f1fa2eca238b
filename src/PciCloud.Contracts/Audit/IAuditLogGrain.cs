namespace PciCloud.Contracts.Audit;

/// <summary>A tenant's append-only, hash-chained audit trail (key: tenant id).</summary>
[Alias("pcicloud.audit-log-grain.v1")]
public interface IAuditLogGrain : IGrainWithStringKey
{
    [Alias("append")] Task<AuditEvent> AppendAsync(AuditRecord record);

    [Alias("list")] Task<IReadOnlyList<AuditEvent>> ListAsync(DateTimeOffset? from, DateTimeOffset? to);

    /// <summary>At most <paramref name="limit"/> events in [from, to) from <paramref name="start"/> on, reading only the segments it needs.</summary>
    [Alias("page")] Task<AuditEventPage> PageAsync(DateTimeOffset? from, DateTimeOffset? to, AuditPosition start, int limit);
}
