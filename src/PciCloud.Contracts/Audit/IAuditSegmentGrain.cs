namespace PciCloud.Contracts.Audit;

/// <summary>
/// A sealed, immutable stretch of a tenant's audit trail (key: "{tenantId}/{segment number}"). The log
/// grain seals its open events here once there are enough of them, so an append never rewrites the
/// whole history.
/// </summary>
[Alias("pcicloud.audit-segment-grain.v1")]
public interface IAuditSegmentGrain : IGrainWithStringKey
{
    /// <summary>Stores the segment's events; sealing again with the same events is harmless (a retried seal).</summary>
    [Alias("seal")] Task SealAsync(IReadOnlyList<AuditEvent> events);

    [Alias("events")] Task<IReadOnlyList<AuditEvent>> GetEventsAsync();
}
