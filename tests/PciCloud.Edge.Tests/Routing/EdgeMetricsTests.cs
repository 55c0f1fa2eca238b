using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using PciCloud.Edge.Telemetry;
using PciCloud.Edge.Tests.Infrastructure;
using static PciCloud.Edge.Tests.Infrastructure.EdgeRequests;
using static PciCloud.Edge.Tests.Infrastructure.EdgeStack;

namespace PciCloud.Edge.Tests.Routing;

public sealed class EdgeMetricsTests
{
    [Fact]
    public async Task Requests_AreCountedByRegionAndOutcome_AndRoutingFailuresByReason()
    {
        await using var stack = await StartAsync();
        var factory = stack.Edge.Services.GetRequiredService<IMeterFactory>();
        var seen = new ConcurrentBag<string>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            // Only this test's edge: other tests run edges in the same process.
            if (instrument.Meter.Name == EdgeMetrics.MeterName && ReferenceEquals(instrument.Meter.Scope, factory))
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, _, tags, _) =>
            seen.Add(instrument.Name + ":" + string.Join(",", tags.ToArray().Select(t => $"{t.Key}={t.Value}").Order())));
        listener.Start();

        await (await stack.Client.SendAsync(WithBearer(HttpMethod.Get, "/v1/calls", SecretKey(UkTenant)), TestContext.Current.CancellationToken)).EchoAsync();
        await stack.Client.SendAsync(WithBearer(HttpMethod.Get, "/v1/calls", SecretKey("nobody")), TestContext.Current.CancellationToken);
        await stack.Au.StopAsync();
        await stack.Client.SendAsync(WithBearer(HttpMethod.Get, "/v1/calls", SecretKey(AuTenant)), TestContext.Current.CancellationToken);

        Assert.Contains("pcicloud.edge.requests:pcicloud.outcome=forwarded,pcicloud.region=uk", seen);
        Assert.Contains("pcicloud.edge.requests:pcicloud.outcome=unknown_tenant,pcicloud.region=none", seen);
        Assert.Contains("pcicloud.edge.requests:pcicloud.outcome=region_unavailable,pcicloud.region=au", seen);
        Assert.Contains(seen, m => m.StartsWith("pcicloud.edge.routing_failures:", StringComparison.Ordinal) && m.EndsWith("pcicloud.region=au", StringComparison.Ordinal));
    }
}
