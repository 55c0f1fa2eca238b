using System.Text.Json.Serialization;

namespace PciCloud.Payments.Sessions;

[JsonConverter(typeof(JsonStringEnumConverter<CardField>))]
public enum CardField
{
    [JsonStringEnumMemberName("card_number")] CardNumber,
    [JsonStringEnumMemberName("expiry")] Expiry,
    [JsonStringEnumMemberName("security_code")] SecurityCode,
    [JsonStringEnumMemberName("postal_code")] PostalCode,
}
