using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PciCloud.Contracts.Media;
using PciCloud.LoadTests.Runner;
using PciCloud.Region.Hosting;
using PciCloud.ServiceDefaults;

namespace PciCloud.LoadTests.Region;

/// <summary>
/// Child process: the real region host (minimal API + one Orleans silo, in-memory storage) with one
/// benchmark tenant whose rate limit is out of the way, and a masking worker entry kept alive in the
/// directory so calls can be registered (no audio flows: this measures the API and grains).
/// </summary>
public sealed class ServeRegionScenario : IScenario
{
    public const string Tenant = "bench";
    public const string Key = "sk_bench_loadTestSecret1";

    public string Name => "serve-region";

    public string Description => "(helper) the region host for the region benchmark";

    public bool Hidden => true;

    public async Task<int> RunAsync(ScenarioArgs args, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Region:Name"] = "us",
            ["Region:PlatformAdminKey"] = "admin_load",
            ["Region:RateLimitPermitsPerSecond"] = "1000000",
            ["Region:RateLimitBurst"] = "1000000",
            ["Region:SeedTenants:0:Id"] = Tenant,
            ["Region:SeedTenants:0:Name"] = "Benchmark",
            ["Region:SeedTenants:0:SecretKey"] = Key,
            ["Region:SeedTenants:0:Gateway"] = "sandbox",
            ["Region:SeedTenants:0:MediaDestinations:0"] = "loopback",
            ["Orleans:SiloPort"] = Port(args, "silo-port", 21111),
            ["Orleans:GatewayPort"] = Port(args, "gateway-port", 31111),
            ["Orleans:ClusterId"] = "load-" + Guid.NewGuid().ToString("N"),
        });
        builder.AddServiceDefaults();
        builder.AddRegion();
        var app = builder.Build();
        app.UseRegionPipeline();
        app.MapDefaultEndpoints();
        app.MapRegionApis();
        await app.StartAsync(cancellationToken);

        var directory = app.Services.GetRequiredService<IGrainFactory>().GetGrain<IMediaWorkerDirectoryGrain>(IMediaWorkerDirectoryGrain.Key);
        await directory.RegisterAsync(new MediaWorkerRegistration("load-worker", "127.0.0.1", 40000, 40001, "ws://127.0.0.1:9", 1_000_000));
        using var heartbeat = new PeriodicTimer(TimeSpan.FromSeconds(5));
        var beating = Task.Run(async () =>
        {
            while (await heartbeat.WaitForNextTickAsync(cancellationToken))
            {
                await directory.HeartbeatAsync("load-worker", new MediaWorkerLoad(0));
            }
        }, cancellationToken);

        ChildProcess.AnnounceReady(new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()));
        await Task.WhenAny(app.WaitForShutdownAsync(cancellationToken), ChildProcess.ParentGoneAsync());
        heartbeat.Dispose();
        await app.StopAsync(CancellationToken.None);
        return 0;
    }

    private static string Port(ScenarioArgs args, string name, int fallback) =>
        ((int)args.Number(name, fallback)).ToString(CultureInfo.InvariantCulture);
}
