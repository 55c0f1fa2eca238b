using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using HdrHistogram;
using PciCloud.LoadTests.Runner;
using PciCloud.Signalling.Bencode;
using PciCloud.Signalling.Ng;

namespace PciCloud.LoadTests.Sip;

/// <summary>
/// The signalling rate one worker takes: N proxies (UDP sockets) each loop offer -> answer -> delete on a
/// fresh SIP call, as Kamailio would for a call set up and torn down, against a running worker's ng port
/// (e.g. the local stack's: <c>--ng 127.0.0.1:2223 --tenant demo-us</c>). Every cycle opens and ends a real
/// PciCloud call in the region (tenant check, port reservation, CallGrain, index) and binds and frees two ports.
/// </summary>
public sealed class NgCyclesScenario : IScenario
{
    public string Name => "ng-cycles";

    public string Description => "offer/answer/delete cycles per second against a running worker's ng port (--ng host:port --tenant id)";

    public async Task<int> RunAsync(ScenarioArgs args, CancellationToken ct)
    {
        var worker = IPEndPoint.Parse(args.Text("ng") ?? "127.0.0.1:2223");
        var tenant = args.Text("tenant") ?? "demo-us";
        var proxies = (int)args.Number("connections", 4);
        Console.WriteLine($"ng {worker}, tenant {tenant}, {proxies} proxies, {Environment.ProcessorCount} cores shared with the stack");

        await MeasureAsync(worker, tenant, proxies, TimeSpan.FromSeconds(Math.Min(5, args.StepDuration.TotalSeconds / 2)), ct); // warm-up
        var (cycles, failures, latency, elapsed) = await MeasureAsync(worker, tenant, proxies, args.StepDuration, ct);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""

            ng-cycles, closed loop, {proxies} proxies, {elapsed.TotalSeconds:F1} s: {cycles / elapsed.TotalSeconds:F1} cycles/s ({3 * cycles / elapsed.TotalSeconds:F0} ng round trips/s), {failures} failed
              offer+answer+delete  n={latency.TotalCount}  p50 {latency.GetValueAtPercentile(50) / 1000.0:F2} ms  p99 {latency.GetValueAtPercentile(99) / 1000.0:F2} ms  max {latency.GetMaxValue() / 1000.0:F2} ms
            """));
        return failures == 0 ? 0 : 1;
    }

    private static async Task<(long Cycles, long Failures, HistogramBase Latency, TimeSpan Elapsed)> MeasureAsync(
        IPEndPoint worker, string tenant, int proxies, TimeSpan duration, CancellationToken ct)
    {
        var latency = new LongConcurrentHistogram(1, 60_000_000, 3);
        long cycles = 0, failures = 0;
        var started = Stopwatch.GetTimestamp();
        await Task.WhenAll(Enumerable.Range(0, proxies).Select(p => Task.Run(async () =>
        {
            using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            var media = ((IPEndPoint)socket.LocalEndPoint!).Port;
            var sequence = 0;
            while (Stopwatch.GetElapsedTime(started) < duration && !ct.IsCancellationRequested)
            {
                var callId = $"{Guid.NewGuid():N}@load";
                var t0 = Stopwatch.GetTimestamp();
                var ok = await OkAsync(socket, worker, $"{p}_{++sequence}", Message("offer", callId).Set("sdp", Sdp(media)).Set("pcicloud-tenant", tenant), ct)
                    & await OkAsync(socket, worker, $"{p}_{++sequence}", Message("answer", callId).Set("to-tag", "b").Set("sdp", Sdp(media + 2)), ct)
                    & await OkAsync(socket, worker, $"{p}_{++sequence}", Message("delete", callId), ct);
                latency.RecordValue((long)Stopwatch.GetElapsedTime(t0).TotalMicroseconds);
                Interlocked.Increment(ref cycles);
                if (!ok)
                {
                    Interlocked.Increment(ref failures);
                }
            }
        }, ct)));
        return (Interlocked.Read(ref cycles), Interlocked.Read(ref failures), latency, Stopwatch.GetElapsedTime(started));
    }

    private static BencodeDictionary Message(string command, string callId) =>
        new BencodeDictionary().Set("command", command).Set("call-id", callId).Set("from-tag", "a");

    private static string Sdp(int port) =>
        $"v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio {port} RTP/AVP 0 101\r\na=rtpmap:101 telephone-event/8000\r\n";

    private static async Task<bool> OkAsync(Socket socket, IPEndPoint worker, string cookie, BencodeDictionary message, CancellationToken ct)
    {
        await socket.SendToAsync(NgFrame.Format(cookie, message), SocketFlags.None, worker, ct);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(5));
        var buffer = new byte[65536];
        try
        {
            var n = await socket.ReceiveAsync(buffer, SocketFlags.None, timeout.Token);
            return NgFrame.TrySplitCookie(buffer.AsSpan(0, n), out var replied, out var body) && replied == cookie
                && NgFrame.TryReadDictionary(body, out var reply, out _) && reply!.GetString("result") == "ok";
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return false;
        }
    }
}
