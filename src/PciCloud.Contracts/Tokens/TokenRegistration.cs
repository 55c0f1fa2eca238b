namespace PciCloud.Contracts.Tokens;

/// <summary>What a session's tokenize left at the gateway: its reference, and the masked card (brand, last four).</summary>
[GenerateSerializer, Immutable, Alias("pcicloud.token-registration.v1")]
public sealed record TokenRegistration(
    [property: Id(0)] string TenantId,
    [property: Id(1)] string GatewayKind,
    [property: Id(2)] string GatewayReference,
    [property: Id(3)] string? SessionId,
    [property: Id(4)] string? Brand,
    [property: Id(5)] string? Last4)
{
    /// <summary>"reusable" (null in tokens stored before token types existed) or "one-time": one charge, then refused.</summary>
    [Id(6)] public string? TokenType { get; init; }
}
