using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using HdrHistogram;
using PciCloud.LoadTests.Runner;

namespace PciCloud.LoadTests.Region;

/// <summary>
/// The region API on one silo (issue 4's quick local load): N connections each loop over a call of their
/// own: create a payment session, get it, cancel it (one open session per call). Reports requests/s over
/// all three and the latency percentiles of create-session and get separately. The region runs in a
/// child process; this process only generates load.
/// </summary>
public sealed class RegionScenario : IScenario
{
    public string Name => "region";

    public string Description => "create-session + get on one region silo: requests/s and p99 (closed loop)";

    public async Task<int> RunAsync(ScenarioArgs args, CancellationToken ct)
    {
        var connections = (int)args.Number("connections", 16);
        using var region = await ChildProcess.StartAsync("serve-region", [], ct);
        using var client = new HttpClient(new SocketsHttpHandler { UseProxy = false, MaxConnectionsPerServer = int.MaxValue })
        {
            BaseAddress = region.Address,
        };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ServeRegionScenario.Key);
        Console.WriteLine($"region {region.Address} started as a separate process; {Environment.ProcessorCount} cores shared with this load generator");

        var calls = await Task.WhenAll(Enumerable.Range(0, connections).Select(_ => CreateCallAsync(client, ct)));
        await MeasureAsync(client, calls, TimeSpan.FromSeconds(Math.Min(5, args.StepDuration.TotalSeconds / 2)), ct); // warm-up
        var (create, get, requests, failures, elapsed) = await MeasureAsync(client, calls, args.StepDuration, ct);

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""

            region, closed loop, {connections} connections, {elapsed.TotalSeconds:F1} s: {requests / elapsed.TotalSeconds:F0} requests/s (create + get + cancel), {failures} failed
              create-session  n={create.TotalCount}  p50 {Ms(create, 50):F2} ms  p99 {Ms(create, 99):F2} ms  max {create.GetMaxValue() / 1000.0:F2} ms
              get-session     n={get.TotalCount}  p50 {Ms(get, 50):F2} ms  p99 {Ms(get, 99):F2} ms  max {get.GetMaxValue() / 1000.0:F2} ms
            """));
        return failures == 0 ? 0 : 1;
    }

    private static async Task<(HistogramBase Create, HistogramBase Get, long Requests, long Failures, TimeSpan Elapsed)> MeasureAsync(
        HttpClient client, string[] calls, TimeSpan duration, CancellationToken ct)
    {
        var create = new LongConcurrentHistogram(1, 60_000_000, 3);
        var get = new LongConcurrentHistogram(1, 60_000_000, 3);
        long requests = 0, failures = 0;
        var started = Stopwatch.GetTimestamp();
        await Task.WhenAll(calls.Select(callId => Task.Run(async () =>
        {
            while (Stopwatch.GetElapsedTime(started) < duration && !ct.IsCancellationRequested)
            {
                var t0 = Stopwatch.GetTimestamp();
                using var created = await client.PostAsJsonAsync($"/v1/calls/{callId}/payment-sessions", new { intent = "charge", amount = 1999, currency = "USD" }, ct);
                create.RecordValue(Micros(t0));
                if (!created.IsSuccessStatusCode)
                {
                    Interlocked.Increment(ref failures);
                    continue;
                }

                var id = (string)(await created.Content.ReadFromJsonAsync<JsonObject>(ct))!["id"]!;
                var t1 = Stopwatch.GetTimestamp();
                using var got = await client.GetAsync(new Uri($"/v1/payment-sessions/{id}", UriKind.Relative), ct);
                await got.Content.LoadIntoBufferAsync(ct);
                get.RecordValue(Micros(t1));
                using var cancelled = await client.PostAsJsonAsync($"/v1/payment-sessions/{id}/cancel", new { }, ct);
                Interlocked.Add(ref requests, 3);
                if (!got.IsSuccessStatusCode || !cancelled.IsSuccessStatusCode)
                {
                    Interlocked.Increment(ref failures);
                }
            }
        }, ct)));
        return (create, get, Interlocked.Read(ref requests), Interlocked.Read(ref failures), Stopwatch.GetElapsedTime(started));
    }

    private static async Task<string> CreateCallAsync(HttpClient client, CancellationToken ct)
    {
        using var response = await client.PostAsJsonAsync("/v1/calls", new { media = new { transport = "websocket" } }, ct);
        response.EnsureSuccessStatusCode();
        return (string)(await response.Content.ReadFromJsonAsync<JsonObject>(ct))!["id"]!;
    }

    private static long Micros(long since) => Math.Max(1, (long)Stopwatch.GetElapsedTime(since).TotalMicroseconds);

    private static double Ms(HistogramBase h, double percentile) => h.GetValueAtPercentile(percentile) / 1000.0;
}
