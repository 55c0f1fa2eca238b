using System.Text.Json;
using System.Text.Json.Serialization;
using PciCloud.Contracts.Calls;

namespace PciCloud.Grains.Webhooks;

/// <summary>The "data.object" of webhook events the region's own grains raise (no media tokens, no digits).</summary>
public static class WebhookData
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static string Call(CallView call) => JsonSerializer.Serialize(new
    {
        call.Id,
        @object = "call",
        call.ExternalId,
        call.Status,
        call.StartedAt,
        call.EndedAt,
        call.PaymentSessionIds,
    }, Json);

    /// <summary>
    /// A leak the worker's independent check found in a call's output: counts and times only (never audio or digits).
    /// </summary>
    public static string MaskingLeak(string callId, Calls.CallState call, MaskingSummary summary, int newLeaks) => JsonSerializer.Serialize(new
    {
        id = callId,
        @object = "call_masking_leak",
        call.ExternalId,
        leaks = summary.Leaks,
        newLeaks,
        verified = summary.Verified,
        final = summary.Final,
    }, Json);

    public static string Of<T>(T value) => JsonSerializer.Serialize(value, Json);
}
