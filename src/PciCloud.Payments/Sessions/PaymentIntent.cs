using System.Text.Json.Serialization;

namespace PciCloud.Payments.Sessions;

[JsonConverter(typeof(JsonStringEnumConverter<PaymentIntent>))]
public enum PaymentIntent
{
    [JsonStringEnumMemberName("charge")] Charge,
    [JsonStringEnumMemberName("authorize")] Authorize,
    [JsonStringEnumMemberName("tokenize")] Tokenize,
    [JsonStringEnumMemberName("recurring")] Recurring,
}
