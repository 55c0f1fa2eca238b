using System.Net;
using System.Text.Json.Nodes;
using PciCloud.Contracts.Calls;
using PciCloud.Payments.Gateways.Sandbox;

namespace PciCloud.Region.Tests.Infrastructure;

/// <summary>Runs a whole payment session (call, session, keyed fields, submit) the way the API and a masking worker do.</summary>
internal static class PaidSessions
{
    public const string Card = "4242424242424242";

    /// <summary>The submitted session (status, result with pay_/tok_/sch_ ids), after the card was keyed through the CallGrain.</summary>
    public static async Task<JsonNode> SubmitAsync(this RegionApplication region, HttpClient client, object request, string card = Card)
    {
        await region.EnsureWorkerAsync();
        var callId = (string)(await (await client.PostJsonAsync("/v1/calls", new { media = new { transport = "websocket" } })).BodyAsync())["id"]!;
        var created = await client.PostJsonAsync($"/v1/calls/{callId}/payment-sessions", request);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (string)(await created.BodyAsync())["id"]!;
        var call = region.Grains.GetGrain<ICallGrain>(callId);
        var sequence = 0L;
        foreach (var (field, digits) in new[] { ("card_number", card), ("expiry", "1230"), ("security_code", "123") })
        {
            Assert.Equal(HttpStatusCode.OK, (await client.PostJsonAsync($"/v1/payment-sessions/{id}/capture", new { field })).StatusCode);
            foreach (var digit in digits)
            {
                sequence++;
                Assert.Equal(KeyPressOutcome.Routed, await call.ReportKeyPress(new KeyPressReport(digit, sequence, sequence * 200, 80, "inband")));
            }
        }

        var submitted = await client.PostJsonAsync($"/v1/payment-sessions/{id}/submit", new { });
        Assert.Equal(HttpStatusCode.OK, submitted.StatusCode);
        return await submitted.BodyAsync();
    }

    /// <summary>An approved charge (or authorization) of <paramref name="amount"/> USD: its pay_ id.</summary>
    public static async Task<string> PaidAsync(this RegionApplication region, HttpClient client, long amount, string intent = "charge", bool agentCanRefund = false)
    {
        var session = await region.SubmitAsync(client, new { intent, amount, currency = "USD", agentCanRefund });
        Assert.Equal("succeeded", (string?)session["status"]);
        return (string)session["result"]!["paymentId"]!;
    }

    /// <summary>The agent token in a session's agentUrl.</summary>
    public static string AgentToken(JsonNode session) =>
        Uri.UnescapeDataString(new Uri((string)session["agentUrl"]!).Query["?token=".Length..]);

    public static SandboxGateway Sandbox(this RegionApplication region) =>
        (SandboxGateway)region.Services.GetService(typeof(SandboxGateway))!;
}
