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

    public static string Of<T>(T value) => JsonSerializer.Serialize(value, Json);
}
