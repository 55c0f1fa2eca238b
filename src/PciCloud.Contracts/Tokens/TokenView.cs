namespace PciCloud.Contracts.Tokens;

/// <summary>A stored card as the API may show it (the gateway's own reference stays inside).</summary>
[GenerateSerializer, Immutable, Alias("pcicloud.token-view.v1")]
public sealed record TokenView(
    [property: Id(0)] string Id,
    [property: Id(1)] string TenantId,
    [property: Id(2)] string? SessionId,
    [property: Id(3)] string? Brand,
    [property: Id(4)] string? Last4,
    [property: Id(5)] DateTimeOffset CreatedAt)
{
    /// <summary>"reusable" or "one-time".</summary>
    [Id(6)] public string TokenType { get; init; } = "reusable";

    /// <summary>A one-time token: when its one charge was made.</summary>
    [Id(7)] public DateTimeOffset? UsedAt { get; init; }
}
