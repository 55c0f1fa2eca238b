namespace PciCloud.Contracts.Audit;

/// <summary>
/// Where an event sits in a tenant's trail: its segment (the open one is numbered after the sealed
/// ones) and its index there. Stable: sealing the open segment keeps both numbers.
/// </summary>
[GenerateSerializer, Immutable, Alias("pcicloud.audit-position.v1")]
public sealed record AuditPosition(
    [property: Id(0)] int Segment,
    [property: Id(1)] int Index)
{
    public static readonly AuditPosition Start = new(0, 0);
}
