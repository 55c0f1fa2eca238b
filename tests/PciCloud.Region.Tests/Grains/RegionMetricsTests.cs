using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using PciCloud.Grains;
using PciCloud.Region.Tests.Infrastructure;

namespace PciCloud.Region.Tests.Grains;

/// <summary>
/// The region's metrics come from the host's meter factory (injected, like the worker's): a listener
/// that follows one host's meters sees that host's calls and sessions, and not another host's in the
/// same process (with a static meter, every silo of the process counted into one).
/// </summary>
public sealed class RegionMetricsTests
{
    [Fact]
    public async Task CallAndSession_CountedOnTheHostsOwnMeter()
    {
        await using var region = new RegionApplication();
        await region.EnsureWorkerAsync();
        var factory = region.Services.GetRequiredService<IMeterFactory>();
        var measured = new ConcurrentDictionary<string, long>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == RegionMetrics.MeterName && ReferenceEquals(instrument.Meter.Scope, factory))
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, _, _) => measured.AddOrUpdate(instrument.Name, value, (_, sum) => sum + value));
        listener.Start();

        var client = region.ClientWithKey(RegionApplication.KeyA);
        var callId = (string)(await (await client.PostJsonAsync("/v1/calls", new { media = new { transport = "websocket" } })).BodyAsync())["id"]!;
        await client.PostJsonAsync($"/v1/calls/{callId}/payment-sessions", new { intent = "charge", amount = 500, currency = "USD" });

        Assert.Equal(1, measured.GetValueOrDefault("pcicloud.calls.active"));
        Assert.Equal(1, measured.GetValueOrDefault("pcicloud.sessions.active"));
    }
}
