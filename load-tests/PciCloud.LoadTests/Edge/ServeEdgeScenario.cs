using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using PciCloud.Edge;
using PciCloud.LoadTests.Runner;

namespace PciCloud.LoadTests.Edge;

/// <summary>Child process: the real edge (EdgeHost, telemetry on), with region "us" at <c>--region-us</c>.</summary>
public sealed class ServeEdgeScenario : IScenario
{
    public string Name => "serve-edge";

    public string Description => "(helper) the edge in front of one region for the edge benchmark";

    public bool Hidden => true;

    public async Task<int> RunAsync(ScenarioArgs args, CancellationToken cancellationToken)
    {
        var region = args.Text("region-us") ?? throw new ArgumentException("--region-us is required.");
        // An empty content root: no appsettings.json may add other regions (and their health probes) to the benchmark.
        var contentRoot = Directory.CreateTempSubdirectory("pcicloud-edge-bench-").FullName;
        var app = EdgeHost.Create(new WebApplicationOptions { ContentRootPath = contentRoot }, builder =>
        {
            builder.Logging.ClearProviders();
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Urls"] = "http://127.0.0.1:0",
                ["Edge:Regions:us"] = region,
                ["Edge:PlatformAdminKey"] = "pk_bench",
                ["Edge:TenantRefreshSeconds"] = "5",
                ["Edge:RateLimit:PermitsPerSecond"] = "10000000",
                ["Edge:RateLimit:Burst"] = "10000000",
            });
        });
        await app.StartAsync(cancellationToken);
        ChildProcess.AnnounceReady(new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()));
        await Task.WhenAny(app.WaitForShutdownAsync(cancellationToken), ChildProcess.ParentGoneAsync());
        await app.StopAsync(CancellationToken.None);
        return 0;
    }
}
