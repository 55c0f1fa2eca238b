using System.Text.Json.Serialization;

namespace PciCloud.Payments.Sessions;

/// <summary>
/// API.md: created -> capturing -> ready -> submitting -> succeeded | failed; or cancelled | expired before submit.
/// A submit whose outcome the gateway did not confirm (timeout, network, 5xx) goes submitting -> reconciling and
/// stays there, card data wiped, until a lookup by its idempotency key gives a definite answer.
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<SessionStatus>))]
public enum SessionStatus
{
    [JsonStringEnumMemberName("created")] Created,
    [JsonStringEnumMemberName("capturing")] Capturing,
    [JsonStringEnumMemberName("ready")] Ready,
    [JsonStringEnumMemberName("submitting")] Submitting,
    [JsonStringEnumMemberName("succeeded")] Succeeded,
    [JsonStringEnumMemberName("failed")] Failed,
    [JsonStringEnumMemberName("cancelled")] Cancelled,
    [JsonStringEnumMemberName("expired")] Expired,
    [JsonStringEnumMemberName("reconciling")] Reconciling,
}
