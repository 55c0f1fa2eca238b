using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace PciCloud.LocalStack.Demo;

/// <summary>
/// A tenant's and an agent's view of the public API (API.md), as plain JSON: the demo is a client
/// like any tenant's code, so it depends on the contract, not on our server-side types.
/// </summary>
public sealed class PciCloudClient(HttpClient http, string secretKey)
{
    public HttpClient Http { get; } = http;

    public Task<JsonObject> CreateCallAsync(string forwardTo, string externalId, CancellationToken ct) =>
        SendAsync(HttpMethod.Post, "/v1/calls", secretKey, new JsonObject
        {
            ["externalId"] = externalId,
            ["from"] = "+447700900123",
            ["to"] = "+442079460000",
            ["media"] = new JsonObject { ["transport"] = "rtp", ["codec"] = "PCMU", ["forwardTo"] = forwardTo },
        }, ct);

    public Task<JsonObject> CreateSessionAsync(string callId, JsonObject request, CancellationToken ct) =>
        SendAsync(HttpMethod.Post, $"/v1/calls/{callId}/payment-sessions", secretKey, request, ct);

    public Task<JsonObject> EndCallAsync(string callId, CancellationToken ct) =>
        SendAsync(HttpMethod.Post, $"/v1/calls/{callId}/end", secretKey, new JsonObject(), ct);

    public Task<JsonObject> GetMaskingReportAsync(string callId, CancellationToken ct) =>
        SendAsync(HttpMethod.Get, $"/v1/calls/{callId}/masking-report", secretKey, null, ct);

    public Task<JsonObject> GetCallsReportAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken ct) =>
        SendAsync(HttpMethod.Get, $"/v1/reports/calls?from={Uri.EscapeDataString(from.ToString("O"))}&to={Uri.EscapeDataString(to.ToString("O"))}", secretKey, null, ct);

    /// <summary>An agent action on the session, authorized only by the agent token of its link.</summary>
    public Task<JsonObject> AgentAsync(HttpMethod method, string sessionId, string action, string agentToken, JsonObject? body, CancellationToken ct) =>
        SendAsync(method, $"/v1/payment-sessions/{sessionId}{(action.Length == 0 ? "" : "/" + action)}", agentToken, body, ct);

    private async Task<JsonObject> SendAsync(HttpMethod method, string path, string bearer, JsonObject? body, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
            if (method == HttpMethod.Post)
            {
                request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString("N"));
            }
        }
        using var response = await Http.SendAsync(request, ct).ConfigureAwait(false);
        var text = await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new PciCloudApiException(method, path, (int)response.StatusCode, text);
        }
        return JsonNode.Parse(text) as JsonObject ?? throw new PciCloudApiException(method, path, (int)response.StatusCode, "not a JSON object");
    }
}
