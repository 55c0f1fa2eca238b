using PciCloud.Contracts.Tokens;

namespace PciCloud.Grains.Tokens;

/// <summary>A stored card's persisted state: the gateway's token reference and the masked card. Never card data.</summary>
[GenerateSerializer, Alias("pcicloud.token-state.v1")]
public sealed class TokenState
{
    [Id(0)] public TokenRegistration? Registration { get; set; }

    [Id(1)] public DateTimeOffset CreatedAt { get; set; }

    /// <summary>A one-time token: the payment its one charge made (a retry of that same charge replays it).</summary>
    [Id(2)] public string? UsedByPaymentId { get; set; }

    [Id(3)] public DateTimeOffset? UsedAt { get; set; }

    /// <summary>Set by DELETE: the registration is dropped, the id stays unknown for good.</summary>
    [Id(4)] public DateTimeOffset? DeletedAt { get; set; }
}
