using System.Globalization;
using System.Net.Http.Headers;
using PciCloud.LoadTests.Runner;

namespace PciCloud.LoadTests.Edge;

/// <summary>
/// The edge's cost: maximum requests/s and p99 straight to a region vs through the edge (closed loop), then
/// both at 50 % of the edge's maximum (open loop) to get the edge's added p99. Backend and edge each run in
/// their own child process; this process only generates load.
/// </summary>
public sealed class EdgeScenario : IScenario
{
    public const string Tenant = "bench";
    private const double TargetAddedP99Ms = 1.0;

    public string Name => "edge";

    public string Description => "requests/s and p99 direct vs through the edge; the edge's added p99 at 50 % load (target < 1 ms)";

    public async Task<int> RunAsync(ScenarioArgs args, CancellationToken ct)
    {
        var duration = args.StepDuration;
        var connections = (int)args.Number("connections", 32);
        // A bounded pool, like any real API client: without a cap the open loop opens a new TCP
        // connection whenever a request is slow, and the edge drowns in handshakes (measured: 13 585
        // of 23 944 requests failed and p50 went to 16 s at 50 % of the edge's closed-loop maximum).
        var poolSize = (int)args.Number("pool", 256);
        // --gc-server 0 runs both children on workstation GC (to compare the edge's latency tail).
        var gc = new Dictionary<string, string> { ["DOTNET_gcServer"] = args.Number("gc-server", 1) > 0 ? "1" : "0" };
        using var backend = await ChildProcess.StartAsync("serve-backend", [], ct, gc);
        using var edge = await ChildProcess.StartAsync("serve-edge", ["--region-us", backend.Address.ToString()], ct, gc);
        Console.WriteLine($"backend {backend.Address} and edge {edge.Address} started as separate processes; {Environment.ProcessorCount} cores shared by all three; client pool {poolSize} connections per server");

        using var client = new HttpClient(new SocketsHttpHandler
        {
            UseProxy = false,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            MaxConnectionsPerServer = poolSize,
        });
        var direct = Sender(client, new Uri(backend.Address, "/v1/ping"));
        var viaEdge = Sender(client, new Uri(edge.Address, "/v1/ping"));
        if (!await viaEdge(ct))
        {
            Console.Error.WriteLine("the edge did not route the benchmark tenant");
            return 1;
        }

        var warmup = TimeSpan.FromSeconds(Math.Min(5, duration.TotalSeconds / 2));
        await LoadGenerator.ClosedLoopAsync("warmup", direct, connections, warmup, ct);
        await LoadGenerator.ClosedLoopAsync("warmup", viaEdge, connections, warmup, ct);

        var steps = new List<StepStats>();
        async Task Run(Task<StepStats> step)
        {
            steps.Add(await step);
            Console.WriteLine(NBomberStyleReport.Step(Name, steps[^1]));
        }
        await Run(LoadGenerator.ClosedLoopAsync("direct max", direct, connections, duration, ct));
        await Run(LoadGenerator.ClosedLoopAsync("edge max", viaEdge, connections, duration, ct));
        var halfRate = steps[1].RequestsPerSecond / 2;
        await Run(LoadGenerator.OpenLoopAsync("direct @50%", direct, halfRate, duration, ct));
        await Run(LoadGenerator.OpenLoopAsync("edge @50%", viaEdge, halfRate, duration, ct));

        var addedP99 = steps[3].PercentileMs(99) - steps[2].PercentileMs(99);
        var addedP50 = steps[3].PercentileMs(50) - steps[2].PercentileMs(50);
        var met = addedP99 < TargetAddedP99Ms && steps.All(s => s.Fail == 0);
        Console.WriteLine();
        Console.WriteLine(NBomberStyleReport.Table(steps));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"edge added latency at {halfRate:F0} req/s (50 % of edge max): p50 {addedP50:F3} ms, p99 {addedP99:F3} ms (target < {TargetAddedP99Ms} ms): {(met ? "MET" : "NOT MET")}"));
        return met ? 0 : 1;
    }

    private static Func<CancellationToken, Task<bool>> Sender(HttpClient client, Uri uri) => async ct =>
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, uri);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", $"sk_{Tenant}_benchSecret");
        using var response = await client.SendAsync(request, ct);
        await response.Content.LoadIntoBufferAsync(ct);
        return response.IsSuccessStatusCode;
    };
}
