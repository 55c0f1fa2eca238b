using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PciCloud.Region.Tests.Infrastructure;

internal static class Json
{
    public static async Task<JsonNode> BodyAsync(this HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!;

    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string url, object body) =>
        client.PostAsJsonAsync(url, body, JsonSerializerOptions.Web, TestContext.Current.CancellationToken);

    /// <summary>A body sent as written, for malformed or hand-shaped JSON the typed helpers cannot produce.</summary>
    public static StringContent RawJson(string json) => new(json, System.Text.Encoding.UTF8, "application/json");

    /// <summary>Asserts an RFC 9457 problem with the given status and code.</summary>
    public static async Task AssertProblemAsync(this HttpResponseMessage response, int status, string code)
    {
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True((int)response.StatusCode == status, $"expected {status}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var node = JsonNode.Parse(text)!;
        Assert.Equal(code, (string?)node["code"]);
        Assert.Equal(status, (int?)node["status"]);
        Assert.NotNull((string?)node["title"]);
    }
}
