using System.Text.Json.Serialization;

namespace PciCloud.Payments.Cards;

/// <summary>Card schemes recognised by IIN range. JSON names follow Stripe's brand names.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<CardBrand>))]
public enum CardBrand
{
    [JsonStringEnumMemberName("unknown")] Unknown,
    [JsonStringEnumMemberName("visa")] Visa,
    [JsonStringEnumMemberName("mastercard")] Mastercard,
    [JsonStringEnumMemberName("amex")] Amex,
    [JsonStringEnumMemberName("discover")] Discover,
    [JsonStringEnumMemberName("diners")] DinersClub,
    [JsonStringEnumMemberName("jcb")] Jcb,
    [JsonStringEnumMemberName("unionpay")] UnionPay,
    [JsonStringEnumMemberName("maestro")] Maestro,
}
