using System.Text.Json.Nodes;
using PciCloud.Contracts.Calls;

namespace PciCloud.Region.Tests.Infrastructure;

/// <summary>Opens a call and a session, and keys digits through the CallGrain exactly as a masking worker does.</summary>
internal sealed class Keypad(RegionApplication region, HttpClient client)
{
    private long _sequence;

    public string CallId { get; private set; } = "";

    /// <summary>Opens a call and a session with <paramref name="request"/>; the raw response (201 or a problem).</summary>
    public async Task<HttpResponseMessage> OpenAsync(object request)
    {
        CallId = (string)(await (await client.PostJsonAsync("/v1/calls", new { media = new { transport = "websocket" } })).BodyAsync())["id"]!;
        return await client.PostJsonAsync($"/v1/calls/{CallId}/payment-sessions", request);
    }

    public async Task<JsonNode> CaptureAsync(string sessionId, string field) =>
        await (await client.PostJsonAsync($"/v1/payment-sessions/{sessionId}/capture", new { field })).BodyAsync();

    /// <summary>Keys each character (digits, '#', '*'); returns the session afterwards.</summary>
    public async Task<JsonNode> KeyAsync(string sessionId, string keys)
    {
        var call = region.Grains.GetGrain<ICallGrain>(CallId);
        foreach (var key in keys)
        {
            var sequence = Interlocked.Increment(ref _sequence);
            await call.ReportKeyPress(new KeyPressReport(key, sequence, sequence * 200, 80, "inband"));
        }

        return await GetAsync(sessionId);
    }

    public async Task<JsonNode> GetAsync(string sessionId) =>
        await (await client.GetAsync($"/v1/payment-sessions/{sessionId}", TestContext.Current.CancellationToken)).BodyAsync();
}
