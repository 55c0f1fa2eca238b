namespace PciCloud.Contracts.Audit;

/// <summary>
/// One link of a tenant's hash chain: <see cref="Hash"/> is the hex SHA-256 of the RFC 8785 canonical
/// JSON of this event without <c>hash</c> (so it covers <see cref="PreviousHash"/>).
/// </summary>
[GenerateSerializer, Immutable, Alias("pcicloud.audit-event.v1")]
public sealed record AuditEvent(
    [property: Id(0)] string Id,
    [property: Id(1)] string At,
    [property: Id(2)] string Actor,
    [property: Id(3)] string Action,
    [property: Id(4)] string ObjectId,
    [property: Id(5)] string Outcome,
    [property: Id(6)] string PreviousHash,
    [property: Id(7)] string Hash);
