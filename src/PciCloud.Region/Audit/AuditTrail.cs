using PciCloud.Contracts.Audit;
using PciCloud.Region.Auth;

namespace PciCloud.Region.Audit;

/// <summary>Appends API actions to the tenant's hash-chained audit log (PCI DSS 10: who, what, when, outcome).</summary>
public sealed class AuditTrail(IGrainFactory grains)
{
    public Task RecordAsync(string tenantId, Caller caller, string action, string objectId, string outcome = "success") =>
        grains.GetGrain<IAuditLogGrain>(tenantId).AppendAsync(new AuditRecord(caller.Actor, action, objectId, outcome));

    /// <summary>A read is an access too (PCI DSS 10.2.1): recorded found or not, the id cut to a sane length.</summary>
    public Task RecordReadAsync(Caller caller, string action, string objectId, bool found) =>
        RecordAsync(caller.TenantId, caller, action, objectId.Length > 64 ? objectId[..64] : objectId, found ? "success" : "not_found");
}
