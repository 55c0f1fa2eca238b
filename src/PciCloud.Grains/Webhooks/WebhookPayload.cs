using System.Globalization;
using System.Text.Json.Nodes;

namespace PciCloud.Grains.Webhooks;

/// <summary>The event envelope POSTed to the endpoint: <c>{ id, object: "event", type, createdAt, data: { object } }</c>.</summary>
public static class WebhookPayload
{
    public static string Build(string eventId, string type, DateTimeOffset createdAt, string dataJson)
    {
        var envelope = new JsonObject
        {
            ["id"] = eventId,
            ["object"] = "event",
            ["type"] = type,
            ["createdAt"] = createdAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
            ["data"] = new JsonObject { ["object"] = JsonNode.Parse(dataJson) },
        };
        return envelope.ToJsonString();
    }
}
