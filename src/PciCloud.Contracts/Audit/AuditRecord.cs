namespace PciCloud.Contracts.Audit;

/// <summary>An action to append to a tenant's audit trail (who, what, on which object, outcome). Never card data.</summary>
[GenerateSerializer, Immutable, Alias("pcicloud.audit-record.v1")]
public sealed record AuditRecord(
    [property: Id(0)] string Actor,
    [property: Id(1)] string Action,
    [property: Id(2)] string ObjectId,
    [property: Id(3)] string Outcome);
