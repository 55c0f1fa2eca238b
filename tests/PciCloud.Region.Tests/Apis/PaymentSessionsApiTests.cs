using System.Net;
using System.Text.Json.Nodes;
using PciCloud.Contracts.Calls;
using PciCloud.Region.Tests.Infrastructure;

namespace PciCloud.Region.Tests.Apis;

public sealed class PaymentSessionsApiTests(SharedRegion region)
{
    private const string Card = "4242424242424242";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private long _sequence;

    [Fact]
    public async Task FullPayment_KeyedDigits_ApprovedOnceAndOnlyMaskedDataShown()
    {
        var client = region.ClientWithKey(RegionApplication.KeyA);
        var (callId, session) = await OpenSessionAsync(client, amount: 1987);
        var id = (string)session["id"]!;
        Assert.Equal("created", (string?)session["status"]);
        Assert.StartsWith("http://127.0.0.1:8081/agent/" + id + "?token=", (string?)session["agentUrl"], StringComparison.Ordinal);

        var transcript = new List<string>();
        await KeyFieldAsync(client, callId, id, "card_number", Card, transcript);
        await KeyFieldAsync(client, callId, id, "expiry", "1230", transcript);
        await KeyFieldAsync(client, callId, id, "security_code", "737", transcript);
        var ready = await (await client.GetAsync($"/v1/payment-sessions/{id}", Ct)).BodyAsync();
        Assert.Equal("ready", (string?)ready["status"]);
        Assert.Equal("visa", (string?)ready["fields"]!["card_number"]!["brand"]);
        Assert.Equal("4242", (string?)ready["fields"]!["card_number"]!["last4"]);
        Assert.Equal("****************", (string?)ready["fields"]!["card_number"]!["masked"]);

        var submit = await client.PostJsonAsync($"/v1/payment-sessions/{id}/submit", new { });
        var submitted = await submit.BodyAsync();
        transcript.Add(submitted.ToJsonString());
        Assert.Equal(HttpStatusCode.OK, submit.StatusCode);
        Assert.Equal("succeeded", (string?)submitted["status"]);
        Assert.Equal("approved", (string?)submitted["result"]!["outcome"]);
        Assert.StartsWith("pay_", (string?)submitted["result"]!["paymentId"], StringComparison.Ordinal);

        var again = await (await client.PostJsonAsync($"/v1/payment-sessions/{id}/submit", new { })).BodyAsync();
        Assert.Equal((string?)submitted["result"]!["paymentId"], (string?)again["result"]!["paymentId"]);
        var sandbox = (PciCloud.Payments.Gateways.Sandbox.SandboxGateway)region.Services.GetService(typeof(PciCloud.Payments.Gateways.Sandbox.SandboxGateway))!;
        Assert.Single(sandbox.Ledger(), e => e.AmountMinorUnits == 1987);

        Assert.All(transcript, t => Assert.DoesNotContain(Card, t, StringComparison.Ordinal));
        Assert.All(transcript, t => Assert.DoesNotContain("\"1230\"", t, StringComparison.Ordinal));

        var row = await region.Grains.GetGrain<ICallGrain>(callId).GetReportRowAsync();
        Assert.Equal("approved", row!.LastOutcome);
        Assert.Equal("4242", row.Last4);
    }

    [Fact]
    public async Task DeclinedCard_FailedWithReason_AndNewSessionAllowed()
    {
        var client = region.ClientWithKey(RegionApplication.KeyA);
        var (callId, session) = await OpenSessionAsync(client);
        var id = (string)session["id"]!;
        await KeyFieldAsync(client, callId, id, "card_number", "4000000000009995", []);
        await KeyFieldAsync(client, callId, id, "expiry", "1230", []);
        await KeyFieldAsync(client, callId, id, "security_code", "123", []);

        var submitted = await (await client.PostJsonAsync($"/v1/payment-sessions/{id}/submit", new { })).BodyAsync();
        Assert.Equal("failed", (string?)submitted["status"]);
        Assert.Equal("declined", (string?)submitted["result"]!["outcome"]);
        Assert.Equal("insufficient_funds", (string?)submitted["result"]!["declineCode"]);

        var next = await client.PostJsonAsync($"/v1/calls/{callId}/payment-sessions", new { intent = "charge", amount = 500, currency = "USD" });
        Assert.Equal(HttpStatusCode.Created, next.StatusCode);
    }

    [Fact]
    public async Task SecondOpenSession_Conflict_AndCaptureAfterCancel_InvalidState()
    {
        var client = region.ClientWithKey(RegionApplication.KeyA);
        var (callId, session) = await OpenSessionAsync(client);
        var id = (string)session["id"]!;
        await (await client.PostJsonAsync($"/v1/calls/{callId}/payment-sessions", new { intent = "charge", amount = 1, currency = "USD" }))
            .AssertProblemAsync(409, "session_already_open");

        var cancelled = await (await client.PostJsonAsync($"/v1/payment-sessions/{id}/cancel", new { })).BodyAsync();
        Assert.Equal("cancelled", (string?)cancelled["status"]);
        await (await client.PostJsonAsync($"/v1/payment-sessions/{id}/capture", new { field = "card_number" })).AssertProblemAsync(409, "invalid_state");
        await (await client.PostJsonAsync($"/v1/payment-sessions/{id}/submit", new { })).AssertProblemAsync(409, "invalid_state");
    }

    [Theory]
    [InlineData("{\"intent\":\"steal\",\"amount\":100,\"currency\":\"USD\"}", 400, "invalid_request")]
    [InlineData("{\"intent\":\"charge\",\"amount\":-5,\"currency\":\"USD\"}", 400, "invalid_amount")]
    [InlineData("{\"intent\":\"charge\",\"amount\":100,\"currency\":\"usd\"}", 400, "invalid_currency")]
    [InlineData("{\"intent\":\"charge\",\"amount\":100,\"currency\":\"JPY\"}", 400, "invalid_currency")]
    [InlineData("{\"intent\":\"charge\",\"amount\":100,\"currency\":\"USD\",\"fields\":[\"card_number\"]}", 400, "invalid_request")]
    [InlineData("{\"intent\":\"recurring\",\"amount\":100,\"currency\":\"USD\"}", 400, "invalid_request")]
    [InlineData("{\"intent\":\"recurring\",\"amount\":100,\"currency\":\"USD\",\"recurring\":{\"interval\":\"month\",\"startDate\":\"2020-01-01\"}}", 400, "invalid_request")]
    [InlineData("{\"intent\":\"recurring\",\"amount\":100,\"currency\":\"USD\",\"recurring\":{\"interval\":\"month\",\"startDate\":\"9999-12-31\"}}", 400, "invalid_request")]
    [InlineData("{\"intent\":\"recurring\",\"amount\":100,\"currency\":\"USD\",\"recurring\":{\"interval\":\"fortnight\"}}", 400, "invalid_request")]
    [InlineData("{\"intent\":\"charge\",\"amount\":\"lots\",\"currency\":\"USD\"}", 400, "invalid_request")]
    public async Task CreateSession_Invalid_Problem(string json, int status, string code)
    {
        var client = region.ClientWithKey(RegionApplication.KeyA);
        var callId = (string)(await (await client.PostJsonAsync("/v1/calls", new { media = new { transport = "websocket" } })).BodyAsync())["id"]!;
        var response = await client.PostAsync($"/v1/calls/{callId}/payment-sessions", Json.RawJson(json), Ct);
        await response.AssertProblemAsync(status, code);
    }

    [Fact]
    public async Task Capture_UnknownField_422_AndPatchCardNumberInDescription_400()
    {
        var client = region.ClientWithKey(RegionApplication.KeyA);
        var (_, session) = await OpenSessionAsync(client);
        var id = (string)session["id"]!;
        await (await client.PostJsonAsync($"/v1/payment-sessions/{id}/capture", new { field = "postal_code" })).AssertProblemAsync(422, "field_not_configured");
        await (await client.PatchAsync($"/v1/payment-sessions/{id}", JsonContent(new { description = "card " + Card }), Ct))
            .AssertProblemAsync(400, "card_data_in_text");
        var patched = await (await client.PatchAsync($"/v1/payment-sessions/{id}", JsonContent(new { amount = 2500, reference = "order-9" }), Ct)).BodyAsync();
        Assert.Equal(2500, (long)patched["amount"]!);
        Assert.Equal("order-9", (string?)patched["reference"]);
    }

    [Fact]
    public async Task AgentToken_ActsOnItsSessionOnly()
    {
        var client = region.ClientWithKey(RegionApplication.KeyA);
        var (_, session) = await OpenSessionAsync(client);
        var (_, other) = await OpenSessionAsync(client);
        var token = Uri.UnescapeDataString(new Uri((string)session["agentUrl"]!).Query["?token=".Length..]);
        var agent = region.ClientWithKey(token);

        Assert.Equal(HttpStatusCode.OK, (await agent.GetAsync($"/v1/payment-sessions/{(string)session["id"]!}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await agent.PostJsonAsync($"/v1/payment-sessions/{(string)session["id"]!}/capture", new { field = "card_number" })).StatusCode);
        await (await agent.GetAsync($"/v1/payment-sessions/{(string)other["id"]!}", Ct)).AssertProblemAsync(404, "not_found");
        await (await agent.PostJsonAsync("/v1/calls", new { media = new { transport = "websocket" } })).AssertProblemAsync(401, "unauthenticated");
        var tampered = region.ClientWithKey(token[..^2] + (token[^2] == 'A' ? "BB" : "AA"));
        await (await tampered.GetAsync($"/v1/payment-sessions/{(string)session["id"]!}", Ct)).AssertProblemAsync(401, "unauthenticated");
    }

    [Fact]
    public async Task Sessions_OtherTenant_NotFoundEverywhere()
    {
        var a = region.ClientWithKey(RegionApplication.KeyA);
        var b = region.ClientWithKey(RegionApplication.KeyB);
        var (callId, session) = await OpenSessionAsync(a);
        var id = (string)session["id"]!;

        await (await b.GetAsync($"/v1/payment-sessions/{id}", Ct)).AssertProblemAsync(404, "not_found");
        await (await b.PostJsonAsync($"/v1/payment-sessions/{id}/capture", new { field = "card_number" })).AssertProblemAsync(404, "not_found");
        await (await b.PostJsonAsync($"/v1/payment-sessions/{id}/submit", new { })).AssertProblemAsync(404, "not_found");
        await (await b.PostJsonAsync($"/v1/payment-sessions/{id}/cancel", new { })).AssertProblemAsync(404, "not_found");
        await (await b.GetAsync($"/v1/payment-sessions/{id}/events", Ct)).AssertProblemAsync(404, "not_found");
        await (await b.PostJsonAsync($"/v1/calls/{callId}/payment-sessions", new { intent = "charge", amount = 1, currency = "USD" })).AssertProblemAsync(404, "not_found");
        Assert.Equal("created", (string?)(await (await a.GetAsync($"/v1/payment-sessions/{id}", Ct)).BodyAsync())["status"]);
    }

    [Fact]
    public async Task Events_StreamShowsChangesAndEndsOnFinalStatus()
    {
        var client = region.ClientWithKey(RegionApplication.KeyA);
        var (_, session) = await OpenSessionAsync(client);
        var id = (string)session["id"]!;
        var token = Uri.UnescapeDataString(new Uri((string)session["agentUrl"]!).Query["?token=".Length..]);

        using var stream = await region.CreateClient().GetStreamAsync($"/v1/payment-sessions/{id}/events?token={Uri.EscapeDataString(token)}", Ct);
        using var reader = new StreamReader(stream);
        var first = await NextEventAsync(reader);
        Assert.Equal("created", (string?)first["status"]);

        await client.PostJsonAsync($"/v1/payment-sessions/{id}/cancel", new { });
        var next = await NextEventAsync(reader);
        Assert.Equal("cancelled", (string?)next["status"]);
        Assert.Null(await reader.ReadToEndAsync(Ct) is { Length: > 0 } rest && rest.Contains("data:", StringComparison.Ordinal) ? rest : null);
    }

    private static async Task<JsonNode> NextEventAsync(StreamReader reader)
    {
        while (await reader.ReadLineAsync(Ct) is { } line)
        {
            if (line.StartsWith("data: ", StringComparison.Ordinal))
            {
                return JsonNode.Parse(line["data: ".Length..])!;
            }
        }

        throw new InvalidOperationException("The event stream ended.");
    }

    private static StringContent JsonContent(object body) =>
        new(System.Text.Json.JsonSerializer.Serialize(body), System.Text.Encoding.UTF8, "application/json");

    private async Task<(string CallId, JsonNode Session)> OpenSessionAsync(HttpClient client, long amount = 1999)
    {
        var callId = (string)(await (await client.PostJsonAsync("/v1/calls", new { media = new { transport = "websocket" } })).BodyAsync())["id"]!;
        var response = await client.PostJsonAsync($"/v1/calls/{callId}/payment-sessions", new { intent = "charge", amount, currency = "USD", agentId = "agent-42" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (callId, await response.BodyAsync());
    }

    /// <summary>Starts capture, then keys the digits through the CallGrain exactly as a masking worker does.</summary>
    private async Task KeyFieldAsync(HttpClient client, string callId, string sessionId, string field, string digits, List<string> transcript)
    {
        transcript.Add(await (await client.PostJsonAsync($"/v1/payment-sessions/{sessionId}/capture", new { field })).Content.ReadAsStringAsync(Ct));
        var call = region.Grains.GetGrain<ICallGrain>(callId);
        foreach (var digit in digits)
        {
            var sequence = Interlocked.Increment(ref _sequence);
            Assert.Equal(KeyPressOutcome.Routed, await call.ReportKeyPress(new KeyPressReport(digit, sequence, sequence * 200, 80, "inband")));
            Assert.Equal(KeyPressOutcome.Duplicate, await call.ReportKeyPress(new KeyPressReport(digit, sequence, sequence * 200, 80, "inband")));
        }

        var view = await (await client.GetAsync($"/v1/payment-sessions/{sessionId}", Ct)).BodyAsync();
        transcript.Add(view.ToJsonString());
        Assert.Equal("complete", (string?)view["fields"]![field]!["state"]);
    }
}
