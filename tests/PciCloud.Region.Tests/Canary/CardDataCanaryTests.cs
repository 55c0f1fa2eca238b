using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using PciCloud.Contracts.Calls;
using PciCloud.Region.Tests.Cluster;
using PciCloud.Region.Tests.Infrastructure;

namespace PciCloud.Region.Tests.Canary;

/// <summary>
/// Issue 4 §6 canary: a full payment with a known test card on a Redis-backed region (plus a refund, a
/// stored card with an off-session charge and a recurring schedule), then a search of
/// everything the region emitted (Debug logs, traces, metrics, webhook bodies, API responses, every
/// Redis key and value) for the card number, its middle digits, the expiry and the security code.
/// </summary>
public sealed partial class CardDataCanaryTests
{
    private const string Pan = "4242424242424242";
    private const string Expiry = "1230";
    private const string Cvv = "123";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task FullPayment_NoCardDataInAnythingTheRegionEmits()
    {
        await using var redis = await RedisServer.StartAsync();
        await using var region = new CanaryRegion(redis.ConnectionString);
        await using var receiver = await WebhookReceiver.StartAsync();
        await region.EnsureWorkerAsync();
        var client = region.ClientWithKey(RegionApplication.KeyA);
        var responses = new List<string>();

        async Task<JsonNode> Record(Task<HttpResponseMessage> call)
        {
            var response = await call;
            var text = await response.Content.ReadAsStringAsync(Ct);
            responses.Add(text);
            Assert.True(response.IsSuccessStatusCode, text);
            return response.Content.Headers.ContentType?.MediaType == "text/csv" ? JsonValue.Create(text) : JsonNode.Parse(text)!;
        }

        await Record(client.PutAsJsonAsync("/v1/webhook-endpoint", new { url = receiver.Url, events = new[] { "*" } }, JsonSerializerOptions.Web, Ct));
        var callId = (string)(await Record(client.PostJsonAsync("/v1/calls", new { externalId = "canary", media = new { transport = "websocket" } })))["id"]!;
        var call = region.Grains.GetGrain<ICallGrain>(callId);
        var sequence = 0L;

        // One session on the call: open it, key every field through the CallGrain, submit.
        async Task<JsonNode> PayAsync(object request)
        {
            var session = await Record(client.PostJsonAsync($"/v1/calls/{callId}/payment-sessions", request));
            var sessionId = (string)session["id"]!;
            foreach (var (field, digits) in new[] { ("card_number", Pan), ("expiry", Expiry), ("security_code", Cvv) })
            {
                await Record(client.PostJsonAsync($"/v1/payment-sessions/{sessionId}/capture", new { field }));
                foreach (var digit in digits)
                {
                    var outcome = await call.ReportKeyPress(new KeyPressReport(digit, sequence, sequence * 250.0, 90, "rfc4733"));
                    Assert.Equal(KeyPressOutcome.Routed, outcome);
                    sequence++;
                }
            }

            Assert.Equal("ready", (string?)(await Record(client.GetAsync($"/v1/payment-sessions/{sessionId}", Ct)))["status"]);
            var submitted = await Record(client.PostJsonAsync($"/v1/payment-sessions/{sessionId}/submit", new { }));
            Assert.Equal("succeeded", (string?)submitted["status"]);
            Assert.Equal("4242", (string?)submitted["fields"]!["card_number"]!["last4"]);
            return submitted;
        }

        var charged = await PayAsync(new { intent = "charge", amount = 1999, currency = "USD", agentId = "agent-7" });
        var paymentId = (string)charged["result"]!["paymentId"]!;
        await Record(client.GetAsync($"/v1/payments/{paymentId}", Ct));
        await Record(client.PostJsonAsync($"/v1/payments/{paymentId}/refunds", new { amount = 500 }));

        // A stored card: an off-session charge of it, and a monthly schedule (its first period is charged at once).
        var recurring = await PayAsync(new { intent = "recurring", amount = 990, currency = "USD", recurring = new { interval = "month", count = 12 } });
        var tokenId = (string)recurring["result"]!["tokenId"]!;
        var scheduleId = (string)recurring["result"]!["scheduleId"]!;
        await Record(client.PostJsonAsync($"/v1/tokens/{tokenId}/charges", new { amount = 2500, currency = "USD" }));
        await call.ReportMaskingSummary(new MaskingSummary((int)sequence, ["rfc4733"], 0, 0, []));
        await Record(client.PostJsonAsync($"/v1/calls/{callId}/end", new { }));
        await Record(client.GetAsync($"/v1/calls/{callId}", Ct));
        await Record(client.GetAsync($"/v1/calls/{callId}/masking-report", Ct));
        var report = await Record(client.GetAsync("/v1/reports/calls", Ct));
        Assert.Contains(report["data"]!.AsArray(), r => (string?)r!["last4"] == "4242" && (string?)r["lastOutcome"] == "approved");
        using (var csv = new HttpRequestMessage(HttpMethod.Get, "/v1/reports/calls"))
        {
            csv.Headers.Accept.ParseAdd("text/csv");
            await Record(client.SendAsync(csv, Ct));
        }

        await Record(client.GetAsync("/v1/audit-events", Ct));
        // Deliveries: the sessions' status events and call.ended (about the call), the refund, the schedule's first charge.
        var types = new List<string>();
        while (!types.Contains("call.ended") || !types.Contains("refund.updated") || !types.Contains("schedule.charged"))
        {
            var delivery = await receiver.NextAsync();
            var type = (string)JsonNode.Parse(delivery.Body)!["type"]!;
            Assert.Contains(type.StartsWith("payment_session.", StringComparison.Ordinal) || type == "call.ended" ? callId : "\"object\"", delivery.Body, StringComparison.Ordinal);
            types.Add(type);
        }

        Assert.Contains("payment_session.succeeded", types);
        var schedule = await Record(client.GetAsync($"/v1/schedules/{scheduleId}", Ct));
        Assert.Equal("succeeded", (string?)schedule["charges"]![0]!["status"]);
        await Record(client.GetAsync($"/v1/payments/{(string)schedule["charges"]![0]!["paymentId"]!}", Ct));
        await Record(client.PostJsonAsync($"/v1/schedules/{scheduleId}/cancel", new { }));

        region.Services.GetService<TracerProvider>()?.ForceFlush();
        region.Services.GetService<MeterProvider>()?.ForceFlush();
        var redisDump = await RedisDump.AllAsync(redis.ConnectionString);

        var sources = new Dictionary<string, List<string>>
        {
            ["api"] = responses,
            ["webhooks"] = [.. receiver.All.Select(w => w.Body + " " + w.Signature)],
            ["logs"] = [.. region.Logs.Lines],
            ["traces"] = [.. region.Activities.Snapshot().Select(a => $"{a.DisplayName} {a.StatusDescription} "
                + string.Join(" ", a.TagObjects.Select(t => $"{t.Key}={t.Value}"))
                + string.Join(" ", a.Events.Select(e => e.Name + " " + string.Join(" ", e.Tags.Select(t => $"{t.Key}={t.Value}")))))],
            ["metrics"] = [.. region.Metrics.Snapshot().Select(MetricText)],
            ["redis"] = redisDump,
        };

        // Positive controls: every source was captured, and the Redis dump holds the session's state.
        Assert.All(sources, s => Assert.True(s.Value.Count > 0, $"nothing captured from {s.Key}"));
        Assert.Contains(redisDump, line => line.Contains((string)charged["id"]!, StringComparison.Ordinal));
        Assert.Contains(redisDump, line => line.Contains(scheduleId, StringComparison.Ordinal));
        Assert.Contains(region.Logs.Lines, line => line.StartsWith("Debug", StringComparison.Ordinal));

        foreach (var (source, texts) in sources)
        {
            foreach (var text in texts)
            {
                Assert.True(Leak(text) is null, $"{source} carries card data ({Leak(text)}): {Excerpt(text)}");
            }
        }
    }

    [Theory]
    [InlineData("pan 4242424242424242 here", "card number")]
    [InlineData("{\"n\":\"4242 4242 4242 4242\"}", "card number")]
    [InlineData("masked ******424242****", "card number digits 7-12")]
    [InlineData("{\"expiry\":\"1230\"}", "expiry")]
    [InlineData("exp 12/30", "expiry")]
    [InlineData("{\"cvv\":\"123\"}", "security code")]
    [InlineData("cvv=123 ", "security code")]
    [InlineData("at 04:12:30.123Z hash 9f424242ab id ps_a1230b port 41230", null)]
    public void Leak_FindsEachDatumInContext(string text, string? expected) => Assert.Equal(expected, Leak(text));

    /// <summary>Which card datum <paramref name="text"/> carries, or null.</summary>
    private static string? Leak(string text)
    {
        if (text.Contains(Pan, StringComparison.Ordinal) || SpacedPan().IsMatch(text))
        {
            return "card number";
        }

        // Digits 7-12 on their own (hex ids and hashes can hold any run, so a hex neighbour does not count).
        if (MiddleDigits().IsMatch(text))
        {
            return "card number digits 7-12";
        }

        return ExpiryToken().IsMatch(text) ? "expiry" : CvvToken().IsMatch(text) ? "security code" : null;
    }

    private static string MetricText(Metric metric)
    {
        var text = new System.Text.StringBuilder(metric.Name).Append(' ').Append(metric.Description);
        foreach (ref readonly var point in metric.GetMetricPoints())
        {
            foreach (var tag in point.Tags)
            {
                text.Append(' ').Append(tag.Key).Append('=').Append(tag.Value);
            }
        }

        return text.ToString();
    }

    private static string Excerpt(string text) => text.Length <= 400 ? text : text[..400] + "...";

    [GeneratedRegex(@"4242[ -]4242[ -]4242[ -]4242")]
    private static partial Regex SpacedPan();

    [GeneratedRegex(@"(?<![0-9A-Fa-f])424242(?![0-9A-Fa-f])")]
    private static partial Regex MiddleDigits();

    [GeneratedRegex(@"(?<![0-9A-Za-z.:_/+-])(1230|12/30|12-30)(?![0-9A-Za-z.:_/+-])")]
    private static partial Regex ExpiryToken();

    [GeneratedRegex(@"(?<![0-9A-Za-z.:_/+-])123(?![0-9A-Za-z.:_/+-])")]
    private static partial Regex CvvToken();
}
