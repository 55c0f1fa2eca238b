namespace PciCloud.Contracts.Sessions;

[GenerateSerializer, Immutable, Alias("pcicloud.session-result.v1")]
public sealed record SessionResult(
    [property: Id(0)] string Outcome,
    [property: Id(1)] string? PaymentId = null,
    [property: Id(2)] string? TokenId = null,
    [property: Id(3)] string? ScheduleId = null,
    [property: Id(4)] string? AuthorizationCode = null,
    [property: Id(5)] string? DeclineCode = null,
    [property: Id(6)] string? Message = null);
