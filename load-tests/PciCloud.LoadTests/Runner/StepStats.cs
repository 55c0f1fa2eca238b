using HdrHistogram;

namespace PciCloud.LoadTests.Runner;

/// <summary>One measured step: counts and a latency histogram in microseconds.</summary>
public sealed class StepStats(string step, string mode, TimeSpan duration, long ok, long fail, HistogramBase latencyMicros)
{
    public string Step { get; } = step;

    public string Mode { get; } = mode;

    public TimeSpan Duration { get; } = duration;

    public long Ok { get; } = ok;

    public long Fail { get; } = fail;

    public double RequestsPerSecond => (Ok + Fail) / Duration.TotalSeconds;

    public HistogramBase Latency { get; } = latencyMicros;

    public double PercentileMs(double percentile) =>
        Latency.TotalCount == 0 ? double.NaN : Latency.GetValueAtPercentile(percentile) / 1000.0;

    public double MeanMs => Latency.TotalCount == 0 ? double.NaN : Latency.GetMean() / 1000.0;

    public double MinMs => Latency.TotalCount == 0 ? double.NaN : Latency.GetValueAtPercentile(0) / 1000.0;

    public double MaxMs => Latency.TotalCount == 0 ? double.NaN : Latency.GetMaxValue() / 1000.0;

    public double StdDevMs => Latency.TotalCount == 0 ? double.NaN : Latency.GetStdDeviation() / 1000.0;
}
