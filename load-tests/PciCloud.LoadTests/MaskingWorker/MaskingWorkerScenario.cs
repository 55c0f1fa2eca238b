using System.Diagnostics;
using System.Globalization;
using HdrHistogram;
using PciCloud.LoadTests.Runner;

namespace PciCloud.LoadTests.MaskingWorker;

/// <summary>
/// Concurrent RTP calls per masking worker at real-time pacing (50 packets/s each, recordTo on: two
/// packets out per packet in), the worker in its own process, a DTMF card entry on a share of the calls.
/// Added delay = arrival of the masked copy at the sink - send time of the packet (loopback); the
/// look-ahead is a shift of the audio inside the packets, not a wait, so it is not in this figure.
/// A frame is late past 20 ms. Prints the curve and its knee (most calls with p99 under 5 ms and no late frames).
/// </summary>
public sealed class MaskingWorkerScenario : IScenario
{
    public string Name => "masking-worker";

    public string Description => "RTP calls per masking worker: --steps 100,500,1000,2000 --seconds 10 --dtmf-share 0.1";

    public async Task<int> RunAsync(ScenarioArgs args, CancellationToken cancellationToken)
    {
        var steps = (args.Text("steps") ?? "100,250,500,1000,1500,2000").Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToList();
        var seconds = args.StepDuration;
        var warmup = TimeSpan.FromSeconds(args.Number("warmup", 3));
        var dtmfShare = args.Number("dtmf-share", 0.1);
        // Below the kernel's ephemeral range (32768+), where the generator's own sockets could take a worker port.
        var portStart = (int)args.Number("port-start", 20000);
        var rows = new List<string> { "calls | packets in/s | p50 ms | p99 ms | max ms | late | lost | worker CPU % | digits" };
        var knee = 0;
        foreach (var calls in steps)
        {
            using var generator = new RtpLoadGenerator(calls, portStart, warmup + seconds, dtmfShare);
            using var worker = await ChildProcess.StartAsync(
                "serve-masking-worker",
                ["--calls", $"{calls}", "--port-start", $"{portStart}", "--forward", $"{generator.Forward}", "--record", $"{generator.Record}"],
                cancellationToken,
                WorkerEnvironment(args));
            using var http = new HttpClient { BaseAddress = worker.Address };
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var cpuBefore = await WorkerCpuMsAsync(http, cancellationToken);
            var clock = Stopwatch.StartNew();
            await Task.Run(() => generator.Run(warmup, stop.Token), cancellationToken);
            var elapsed = clock.Elapsed;
            generator.Finish();
            var stats = (await http.GetStringAsync("/stats", cancellationToken)).Split(' ');
            var cpuPercent = (double.Parse(stats[0], CultureInfo.InvariantCulture) - cpuBefore) / elapsed.TotalMilliseconds * 100;
            await stop.CancelAsync();

            var expected = generator.Sent * 2;
            var lost = Math.Max(0, expected - generator.Received);
            var empty = generator.Delay.TotalCount == 0;
            var p50 = empty ? double.NaN : generator.Delay.GetValueAtPercentile(50) / 1000.0;
            var p99 = empty ? double.NaN : generator.Delay.GetValueAtPercentile(99) / 1000.0;
            var max = empty ? double.NaN : generator.Delay.GetMaxValue() / 1000.0;
            rows.Add(string.Create(CultureInfo.InvariantCulture,
                $"{calls} | {calls * 50} | {p50:0.00} | {p99:0.00} | {max:0.0} | {generator.Late} | {lost} | {cpuPercent:0} | {stats[6]}"));
            Console.WriteLine(rows[^1]);
            if (p99 < 5 && generator.Late == 0 && lost == 0)
            {
                knee = calls;
            }
        }

        Console.WriteLine();
        Console.WriteLine(string.Join(Environment.NewLine, rows));
        Console.WriteLine($"knee: {knee} calls (p99 < 5 ms, no late frames, nothing lost)");
        return 0;
    }

    private static async Task<double> WorkerCpuMsAsync(HttpClient http, CancellationToken cancellationToken) =>
        double.Parse((await http.GetStringAsync("/stats", cancellationToken)).Split(' ')[0], CultureInfo.InvariantCulture);

    /// <summary>
    /// The worker runs as deployed (helm sets the same variable): socket completions run inline on the
    /// socket engine's thread instead of hopping to the thread pool, which halved the worker's CPU per
    /// packet here (100 calls: 42 % of a core instead of 93 %). <c>--inline-completions 0</c> turns it off.
    /// </summary>
    private static Dictionary<string, string> WorkerEnvironment(ScenarioArgs args) =>
        args.Number("inline-completions", 1) > 0 ? new() { ["DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS"] = "1" } : [];
}
