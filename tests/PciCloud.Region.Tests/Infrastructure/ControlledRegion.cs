using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PciCloud.Grains.Gateways;
using PciCloud.Grains.Idempotency;
using PciCloud.Grains.Schedules;

namespace PciCloud.Region.Tests.Infrastructure;

/// <summary>
/// A region whose schedules run on a fake clock the tests move (the rest of the region keeps real
/// time), whose gateways can lose answers, and that may deliver webhooks to loopback.
/// </summary>
public sealed class ControlledRegion : RegionApplication, IAsyncLifetime
{
    public ControlledRegion()
    {
        With("Region:AllowPrivateWebhooks", "true");
        With("Webhooks:InitialRetryDelay", "00:00:00.050");
        With("Webhooks:MaxRetryDelay", "00:00:00.200");
    }

    /// <summary>Starts at the real time (a session's startDate is checked against the real date), then only moves when a test says so.</summary>
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    /// <summary>The clock idempotency records age by (apart from the schedules' so that moving one never fires the other).</summary>
    public FakeTimeProvider IdempotencyClock { get; } = new(DateTimeOffset.UtcNow);

    public LossyGatewayResolver Gateways => Services.GetRequiredService<LossyGatewayResolver>();

    public async ValueTask InitializeAsync()
    {
        _ = Server;
        await RegisterWorkerAsync(capacity: 1000, portMin: 40000, portMax: 42000);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services =>
        {
            services.AddKeyedSingleton<TimeProvider>(ScheduleGrain.ClockKey, Clock);
            services.AddKeyedSingleton<TimeProvider>(IdempotencyGrain.ClockKey, IdempotencyClock);
            services.AddSingleton<GatewayResolver>();
            services.AddSingleton(sp => new LossyGatewayResolver(sp.GetRequiredService<GatewayResolver>()));
            services.AddSingleton<IGatewayResolver>(sp => sp.GetRequiredService<LossyGatewayResolver>());
        });
    }
}
