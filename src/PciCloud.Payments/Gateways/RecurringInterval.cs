using System.Text.Json.Serialization;

namespace PciCloud.Payments.Gateways;

[JsonConverter(typeof(JsonStringEnumConverter<RecurringInterval>))]
public enum RecurringInterval
{
    [JsonStringEnumMemberName("week")] Week,
    [JsonStringEnumMemberName("month")] Month,
    [JsonStringEnumMemberName("year")] Year,
}
