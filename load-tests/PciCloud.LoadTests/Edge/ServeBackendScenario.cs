using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using PciCloud.LoadTests.Runner;

namespace PciCloud.LoadTests.Edge;

/// <summary>Child process: a minimal region stand-in (health, tenant list, a small JSON answer).</summary>
public sealed class ServeBackendScenario : IScenario
{
    public string Name => "serve-backend";

    public string Description => "(helper) a region stand-in for the edge benchmark";

    public bool Hidden => true;

    public async Task<int> RunAsync(ScenarioArgs args, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        app.MapGet("/health", () => "ok");
        app.MapGet("/admin/v1/tenants", () => Results.Text($$"""[{"id":"{{EdgeScenario.Tenant}}","region":"us"}]""", "application/json"));
        app.MapGet("/v1/ping", () => Results.Text("""{"ok":true,"region":"us"}""", "application/json"));
        await app.StartAsync(cancellationToken);
        ChildProcess.AnnounceReady(new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()));
        await Task.WhenAny(app.WaitForShutdownAsync(cancellationToken), ChildProcess.ParentGoneAsync());
        await app.StopAsync(CancellationToken.None);
        return 0;
    }
}
