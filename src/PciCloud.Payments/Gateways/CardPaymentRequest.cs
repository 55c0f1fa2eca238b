using System.Text.Json.Serialization;
using PciCloud.Payments.Cards;
using PciCloud.Payments.Money;

namespace PciCloud.Payments.Gateways;

/// <summary>A charge (sale) or an authorization of a card that was just keyed. Holds card data: never serialized.</summary>
[JsonConverter(typeof(RefuseSerializationConverter<CardPaymentRequest>))]
public sealed record CardPaymentRequest(string IdempotencyKey, MoneyAmount Amount, CardDetails Card)
{
    /// <summary>Shown on the gateway's dashboard; must not contain card data.</summary>
    public string? Description { get; init; }

    /// <summary>The tenant's own reference (order number), kept as gateway metadata.</summary>
    public string? Reference { get; init; }

    /// <summary>Mail order / telephone order: the card was given over the phone (the default here).</summary>
    public bool Moto { get; init; } = true;
}
