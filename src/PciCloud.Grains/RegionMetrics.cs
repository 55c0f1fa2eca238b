using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace PciCloud.Grains;

/// <summary>The region's own metrics (meter "PciCloud.Region"). Never a tag that could carry card data.</summary>
public static class RegionMetrics
{
    public const string MeterName = "PciCloud.Region";

    private static readonly Meter Meter = new(MeterName);
    private static readonly UpDownCounter<long> ActiveCalls = Meter.CreateUpDownCounter<long>("pcicloud.calls.active");
    private static readonly UpDownCounter<long> ActiveSessions = Meter.CreateUpDownCounter<long>("pcicloud.sessions.active");
    private static readonly Counter<long> SessionOutcomes = Meter.CreateCounter<long>("pcicloud.sessions.outcome");
    private static readonly Histogram<double> SubmitLatency = Meter.CreateHistogram<double>("pcicloud.submit.duration", "ms");
    private static readonly Counter<long> GatewayErrors = Meter.CreateCounter<long>("pcicloud.gateway.errors");
    private static readonly UpDownCounter<long> WebhookBacklog = Meter.CreateUpDownCounter<long>("pcicloud.webhooks.backlog");

    public static void CallStarted() => ActiveCalls.Add(1);

    public static void CallEnded() => ActiveCalls.Add(-1);

    public static void SessionOpened() => ActiveSessions.Add(1);

    public static void SessionClosed(string status)
    {
        ActiveSessions.Add(-1);
        SessionOutcomes.Add(1, new TagList { { "status", status } });
    }

    public static void Submitted(TimeSpan elapsed, string outcome) =>
        SubmitLatency.Record(elapsed.TotalMilliseconds, new TagList { { "outcome", outcome } });

    public static void GatewayError(string kind) => GatewayErrors.Add(1, new TagList { { "gateway", kind } });

    public static void WebhookQueued(int count) => WebhookBacklog.Add(count);

    public static void WebhookDone(int count) => WebhookBacklog.Add(-count);
}
