using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace PciCloud.Grains;

/// <summary>
/// The region's own metrics (meter <see cref="MeterName"/>), created by the host's meter factory and
/// injected into the grains, as the worker's <c>WorkerMetrics</c> is: two silos in one process (tests,
/// the local stack) count separately. Never a tag that could carry card data.
/// </summary>
public sealed class RegionMetrics
{
    public const string MeterName = "PciCloud.Region";

    private readonly UpDownCounter<long> _activeCalls;
    private readonly UpDownCounter<long> _activeSessions;
    private readonly Counter<long> _sessionOutcomes;
    private readonly Histogram<double> _submitLatency;
    private readonly Counter<long> _gatewayErrors;
    private readonly UpDownCounter<long> _webhookBacklog;

    public RegionMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _activeCalls = meter.CreateUpDownCounter<long>("pcicloud.calls.active", "{call}", "Calls in progress");
        _activeSessions = meter.CreateUpDownCounter<long>("pcicloud.sessions.active", "{session}", "Payment sessions not yet final");
        _sessionOutcomes = meter.CreateCounter<long>("pcicloud.sessions.outcome", "{session}", "Payment sessions by final status");
        _submitLatency = meter.CreateHistogram<double>("pcicloud.submit.duration", "ms", "Submit to the gateway, by outcome");
        _gatewayErrors = meter.CreateCounter<long>("pcicloud.gateway.errors", "{error}", "Gateway calls that failed, by gateway kind");
        _webhookBacklog = meter.CreateUpDownCounter<long>("pcicloud.webhooks.backlog", "{delivery}", "Webhook deliveries queued");
    }

    public void CallStarted() => _activeCalls.Add(1);

    public void CallEnded() => _activeCalls.Add(-1);

    public void SessionOpened() => _activeSessions.Add(1);

    public void SessionClosed(string status)
    {
        _activeSessions.Add(-1);
        _sessionOutcomes.Add(1, new TagList { { "status", status } });
    }

    public void Submitted(TimeSpan elapsed, string outcome) =>
        _submitLatency.Record(elapsed.TotalMilliseconds, new TagList { { "outcome", outcome } });

    public void GatewayError(string kind) => _gatewayErrors.Add(1, new TagList { { "gateway", kind } });

    public void WebhookQueued(int count) => _webhookBacklog.Add(count);

    public void WebhookDone(int count) => _webhookBacklog.Add(-count);
}
