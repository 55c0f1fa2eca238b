using System.Text.Json.Serialization;

namespace PciCloud.Payments.Gateways;

[JsonConverter(typeof(JsonStringEnumConverter<GatewayOutcome>))]
public enum GatewayOutcome
{
    [JsonStringEnumMemberName("approved")] Approved,
    [JsonStringEnumMemberName("declined")] Declined,
    [JsonStringEnumMemberName("error")] Error,
}
