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
/// The canary for bank numbers: UK Direct Debits keyed by phone (double entry, a webhook per key press,
/// a one-off debit and a mandate with its schedule) on a Redis-backed UK region, then a search of
/// everything it emitted (Debug logs, traces, metrics, webhook bodies, API responses, every Redis
/// key and value) for the sort code and the account number.
/// </summary>
public sealed partial class BankDataCanaryTests
{
    private const string SortCode = "207395"; // a sort code the offline modulus table does not cover
    private const string Account = "73916482";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task UkDirectDebits_NoBankNumbersInAnythingTheRegionEmits()
    {
        await using var redis = await RedisServer.StartAsync();
        await using var region = new CanaryRegion(redis.ConnectionString);
        region.With("Region:Name", "uk");
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
            return JsonNode.Parse(text)!;
        }

        await Record(client.PutAsJsonAsync("/v1/webhook-endpoint", new { url = receiver.Url, events = new[] { "*" } }, JsonSerializerOptions.Web, Ct));
        var callId = (string)(await Record(client.PostJsonAsync("/v1/calls", new { media = new { transport = "websocket" } })))["id"]!;
        var call = region.Grains.GetGrain<ICallGrain>(callId);
        var sequence = 0L;

        async Task<JsonNode> DebitAsync(object request)
        {
            var sessionId = (string)(await Record(client.PostJsonAsync($"/v1/calls/{callId}/payment-sessions", request)))["id"]!;
            foreach (var (field, digits) in new[] { ("sort_code", SortCode), ("account_number", Account + Account) })
            {
                await Record(client.PostJsonAsync($"/v1/payment-sessions/{sessionId}/capture", new { field }));
                foreach (var digit in digits)
                {
                    Assert.Equal(KeyPressOutcome.Routed, await call.ReportKeyPress(new KeyPressReport(digit, sequence, sequence * 250.0, 90, "rfc4733")));
                    sequence++;
                }
            }

            await Record(client.PostJsonAsync($"/v1/payment-sessions/{sessionId}/confirm", new { confirmation = "direct_debit_guarantee" }));
            var submitted = await Record(client.PostJsonAsync($"/v1/payment-sessions/{sessionId}/submit", new { }));
            Assert.Equal("succeeded", (string?)submitted["status"]);
            return submitted;
        }

        string[] fields = ["sort_code", "account_number"];
        var debit = await DebitAsync(new { intent = "charge", amount = 1999, currency = "GBP", fields, requireMatchingInputs = true, partialResults = true });
        await Record(client.GetAsync($"/v1/payments/{(string)debit["result"]!["paymentId"]!}", Ct));
        var mandate = await DebitAsync(new
        {
            intent = "recurring", amount = 990, currency = "GBP", fields, requireMatchingInputs = true, recurring = new { interval = "month", count = 12 },
        });
        var scheduleId = (string)mandate["result"]!["scheduleId"]!;
        await Record(client.PostJsonAsync($"/v1/calls/{callId}/end", new { }));
        await Record(client.GetAsync("/v1/reports/calls", Ct));
        await Record(client.GetAsync("/v1/audit-events", Ct));
        var types = new List<string>();
        while (!types.Contains("call.ended") || !types.Contains("schedule.charged"))
        {
            types.Add((string)JsonNode.Parse((await receiver.NextAsync()).Body)!["type"]!);
        }

        Assert.Contains("payment_session.updated", types);
        await Record(client.GetAsync($"/v1/schedules/{scheduleId}", Ct));

        region.Services.GetService<TracerProvider>()?.ForceFlush();
        region.Services.GetService<MeterProvider>()?.ForceFlush();
        var redisDump = await RedisDump.AllAsync(redis.ConnectionString);
        var sources = new Dictionary<string, List<string>>
        {
            ["api"] = responses,
            ["webhooks"] = [.. receiver.All.Select(w => w.Body + " " + w.Signature)],
            ["logs"] = [.. region.Logs.Lines],
            ["traces"] = [.. region.Activities.Snapshot().Select(a => $"{a.DisplayName} {a.StatusDescription} "
                + string.Join(" ", a.TagObjects.Select(t => $"{t.Key}={t.Value}")))],
            ["metrics"] = [.. region.Metrics.Snapshot().Select(m => m.Name + " " + m.Description)],
            ["redis"] = redisDump,
        };

        Assert.All(sources, s => Assert.True(s.Value.Count > 0, $"nothing captured from {s.Key}"));
        Assert.Contains(redisDump, line => line.Contains(scheduleId, StringComparison.Ordinal));
        foreach (var (source, texts) in sources)
        {
            foreach (var text in texts)
            {
                Assert.True(Leak(text) is null, $"{source} carries bank data ({Leak(text)}): {(text.Length <= 400 ? text : text[..400])}");
            }
        }
    }

    [Theory]
    [InlineData("sort 207395 here", "sort code")]
    [InlineData("{\"sc\":\"20-73-95\"}", "sort code")]
    [InlineData("acct 73916482", "account number")]
    [InlineData("hash 9f207395ab 73916482ff", null)]
    public void Leak_FindsEachNumberInContext(string text, string? expected) => Assert.Equal(expected, Leak(text));

    private static string? Leak(string text) =>
        SortCodeToken().IsMatch(text) ? "sort code" : AccountToken().IsMatch(text) ? "account number" : null;

    [GeneratedRegex(@"(?<![0-9A-Fa-f])(207395|20-73-95|20 73 95)(?![0-9A-Fa-f])")]
    private static partial Regex SortCodeToken();

    [GeneratedRegex(@"(?<![0-9A-Fa-f])739164(?![0-9A-Fa-f])|(?<![0-9A-Fa-f])73916482(?![0-9A-Fa-f])")]
    private static partial Regex AccountToken();
}
