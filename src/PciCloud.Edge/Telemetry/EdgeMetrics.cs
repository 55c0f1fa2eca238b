using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace PciCloud.Edge.Telemetry;

/// <summary>The edge's own instruments: requests by region and outcome, and routing failures by reason.</summary>
public sealed class EdgeMetrics
{
    public const string MeterName = "PciCloud.Edge";

    private readonly Counter<long> _requests;
    private readonly Counter<long> _routingFailures;

    public EdgeMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _requests = meter.CreateCounter<long>("pcicloud.edge.requests", "{request}",
            "Requests handled by the edge, by target region and outcome.");
        _routingFailures = meter.CreateCounter<long>("pcicloud.edge.routing_failures", "{failure}",
            "Requests or tenant-list polls the edge could not route, by reason.");
    }

    /// <param name="region">Target region, or "none" when no region could be chosen.</param>
    /// <param name="outcome">"forwarded" or the problem code the edge answered with.</param>
    public void RecordRequest(string region, string outcome) =>
        _requests.Add(1, new TagList { { "pcicloud.region", region }, { "pcicloud.outcome", outcome } });

    public void RecordRoutingFailure(string reason, string region) =>
        _routingFailures.Add(1, new TagList { { "pcicloud.reason", reason }, { "pcicloud.region", region } });
}
