using System.Text.Json.Serialization;

namespace PciCloud.Payments.Sessions;

/// <summary>API.md: created -> capturing -> ready -> submitting -> succeeded | failed; or cancelled | expired before submit.</summary>
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
}
