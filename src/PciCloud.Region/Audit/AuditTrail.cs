using PciCloud.Contracts.Audit;
using PciCloud.Region.Auth;

namespace PciCloud.Region.Audit;

/// <summary>Appends API actions to the tenant's hash-chained audit log (PCI DSS 10: who, what, when, outcome).</summary>
public sealed class AuditTrail(IGrainFactory grains)
{
    public Task RecordAsync(string tenantId, Caller caller, string action, string objectId, string outcome = "success") =>
        grains.GetGrain<IAuditLogGrain>(tenantId).AppendAsync(new AuditRecord(caller.Actor, action, objectId, outcome));
}
