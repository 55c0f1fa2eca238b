using System.Diagnostics;
using HdrHistogram;

namespace PciCloud.LoadTests.Runner;

/// <summary>
/// Drives a request function. Closed loop (N workers back to back) finds the maximum throughput; open loop (a
/// fixed arrival rate) measures latency at a given load, each request timed from when it was due to start so a
/// stall shows up in the percentiles instead of hiding (coordinated omission).
/// </summary>
public static class LoadGenerator
{
    private const long HighestTrackableMicros = 60_000_000;

    public static async Task<StepStats> ClosedLoopAsync(
        string step, Func<CancellationToken, Task<bool>> send, int workers, TimeSpan duration, CancellationToken ct)
    {
        var histograms = Enumerable.Range(0, workers).Select(_ => NewHistogram()).ToArray();
        var ok = 0L;
        var fail = 0L;
        var started = Stopwatch.GetTimestamp();
        var end = started + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        await Task.WhenAll(histograms.Select(histogram => Task.Run(async () =>
        {
            while (Stopwatch.GetTimestamp() < end && !ct.IsCancellationRequested)
            {
                var t0 = Stopwatch.GetTimestamp();
                var success = await SafeSend(send, ct);
                histogram.RecordValue(Micros(Stopwatch.GetTimestamp() - t0));
                Interlocked.Increment(ref success ? ref ok : ref fail);
            }
        }, ct)));
        var elapsed = Stopwatch.GetElapsedTime(started);
        var merged = NewHistogram();
        foreach (var h in histograms)
        {
            merged.Add(h);
        }
        return new StepStats(step, $"closed loop, {workers} connections", elapsed, ok, fail, merged);
    }

    public static async Task<StepStats> OpenLoopAsync(
        string step, Func<CancellationToken, Task<bool>> send, double ratePerSecond, TimeSpan duration, CancellationToken ct)
    {
        var histogram = NewHistogram();
        var ok = 0L;
        var fail = 0L;
        var total = (long)(ratePerSecond * duration.TotalSeconds);
        var ticksPerRequest = Stopwatch.Frequency / ratePerSecond;
        var inFlight = new List<Task>();
        var started = Stopwatch.GetTimestamp();
        for (var next = 0L; next < total && !ct.IsCancellationRequested;)
        {
            // Launch everything that is due, then yield briefly: timers are ~1 ms coarse, so arrivals come in
            // small batches; both targets of a comparison see the same pattern.
            var now = Stopwatch.GetTimestamp();
            for (; next < total && started + (long)(next * ticksPerRequest) <= now; next++)
            {
                var due = started + (long)(next * ticksPerRequest);
                inFlight.Add(Measure(due));
            }
            if (inFlight.Count > 4096)
            {
                inFlight.RemoveAll(t => t.IsCompleted);
            }
            await Task.Delay(1, ct);
        }
        await Task.WhenAll(inFlight);
        var elapsed = Stopwatch.GetElapsedTime(started);
        return new StepStats(step, $"open loop, {ratePerSecond:F0} req/s", elapsed, ok, fail, histogram);

        async Task Measure(long due)
        {
            var success = await SafeSend(send, ct);
            var micros = Micros(Stopwatch.GetTimestamp() - due);
            lock (histogram)
            {
                histogram.RecordValue(micros);
            }
            Interlocked.Increment(ref success ? ref ok : ref fail);
        }
    }

    private static async Task<bool> SafeSend(Func<CancellationToken, Task<bool>> send, CancellationToken ct)
    {
        try
        {
            return await send(ct);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException)
        {
            return false;
        }
    }

    private static long Micros(long stopwatchTicks) =>
        Math.Clamp(stopwatchTicks * 1_000_000 / Stopwatch.Frequency, 1, HighestTrackableMicros);

    private static LongHistogram NewHistogram() => new(HighestTrackableMicros, 3);
}
