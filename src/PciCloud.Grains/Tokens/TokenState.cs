using PciCloud.Contracts.Tokens;

namespace PciCloud.Grains.Tokens;

/// <summary>A stored card's persisted state: the gateway's token reference and the masked card. Never card data.</summary>
[GenerateSerializer, Alias("pcicloud.token-state.v1")]
public sealed class TokenState
{
    [Id(0)] public TokenRegistration? Registration { get; set; }

    [Id(1)] public DateTimeOffset CreatedAt { get; set; }
}
