using System.Text.Json.Serialization;
using PciCloud.Payments.Cards;

namespace PciCloud.Payments.Gateways;

/// <summary>Store the card at the gateway for later off-session charges. Holds card data: never serialized.</summary>
[JsonConverter(typeof(RefuseSerializationConverter<TokenizeRequest>))]
public sealed record TokenizeRequest(string IdempotencyKey, CardDetails Card)
{
    public string? Description { get; init; }

    public string? Reference { get; init; }

    public bool Moto { get; init; } = true;
}
