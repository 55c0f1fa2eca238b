using System.Text.Json.Nodes;

namespace PciCloud.Region.Http;

/// <summary>
/// The response fields that carry a secret or a bearer credential: a new API key (<c>key</c>), a webhook signing
/// secret (<c>secret</c>) and an agent link (<c>agentUrl</c>, its token). They are shown to the one request that
/// made them and never kept: the idempotency store keeps the answer without them, so a replay leaves them out.
/// </summary>
internal static class ResponseSecrets
{
    private static readonly string[] Fields = ["key", "secret", "agentUrl"];

    /// <summary>The body to keep: a JSON object without the secret fields; anything else as it is (it has none).</summary>
    public static byte[] Strip(byte[] body, string? contentType)
    {
        if (body.Length == 0 || contentType?.Contains("json", StringComparison.OrdinalIgnoreCase) != true)
        {
            return body;
        }

        JsonNode? node;
        try
        {
            node = JsonNode.Parse(body);
        }
        catch (System.Text.Json.JsonException)
        {
            return body;
        }

        if (node is not JsonObject obj || !Fields.Any(obj.ContainsKey))
        {
            return body;
        }

        foreach (var field in Fields)
        {
            obj.Remove(field);
        }

        return System.Text.Encoding.UTF8.GetBytes(obj.ToJsonString());
    }
}
