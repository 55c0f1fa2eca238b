using System.Globalization;
using System.Text;

namespace PciCloud.LoadTests.Runner;

/// <summary>Prints steps the way NBomber's console report does: counts, RPS, latency and its percentiles.</summary>
public static class NBomberStyleReport
{
    public static string Step(string scenario, StepStats s) => string.Create(CultureInfo.InvariantCulture, $"""
        ────────────────────────────────────────────────────────────────────────
        scenario: {scenario}   step: {s.Step}   ({s.Mode})
          request count: all = {s.Ok + s.Fail}, ok = {s.Ok}, fail = {s.Fail}, RPS = {s.RequestsPerSecond:F0}, duration = {s.Duration.TotalSeconds:F1} s
          latency (ms): min = {s.MinMs:F3}, mean = {s.MeanMs:F3}, max = {s.MaxMs:F3}, StdDev = {s.StdDevMs:F3}
          latency percentile (ms): p50 = {s.PercentileMs(50):F3}, p75 = {s.PercentileMs(75):F3}, p95 = {s.PercentileMs(95):F3}, p99 = {s.PercentileMs(99):F3}
        """);

    /// <summary>A markdown table of every step, ready to paste into docs/PERFORMANCE.md.</summary>
    public static string Table(IEnumerable<StepStats> steps)
    {
        var text = new StringBuilder();
        text.AppendLine("| step | mode | ok | fail | RPS | p50 ms | p99 ms | max ms |");
        text.AppendLine("|---|---|---:|---:|---:|---:|---:|---:|");
        foreach (var s in steps)
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {s.Step} | {s.Mode} | {s.Ok} | {s.Fail} | {s.RequestsPerSecond:F0} | {s.PercentileMs(50):F3} | {s.PercentileMs(99):F3} | {s.MaxMs:F3} |");
        }
        return text.ToString();
    }
}
