using System.Text.Json.Serialization;

namespace PciCloud.Payments.Sessions;

[JsonConverter(typeof(JsonStringEnumConverter<CardField>))]
public enum CardField
{
    [JsonStringEnumMemberName("card_number")] CardNumber,
    [JsonStringEnumMemberName("expiry")] Expiry,
    [JsonStringEnumMemberName("security_code")] SecurityCode,
    [JsonStringEnumMemberName("postal_code")] PostalCode,

    // Bank fields (a bank session has its region's, and no card field): Banks/BankFields.cs.
    [JsonStringEnumMemberName("sort_code")] SortCode,
    [JsonStringEnumMemberName("account_number")] AccountNumber,
    [JsonStringEnumMemberName("routing_number")] RoutingNumber,
    [JsonStringEnumMemberName("bsb")] Bsb,
    [JsonStringEnumMemberName("account_type")] AccountType,
}
