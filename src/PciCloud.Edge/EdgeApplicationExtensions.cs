using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using PciCloud.Edge.Configuration;
using PciCloud.Edge.Routing;
using PciCloud.Edge.Telemetry;
using PciCloud.Edge.Tenancy;
using PciCloud.Edge.Transforms;
using PciCloud.ServiceDefaults;

namespace PciCloud.Edge;

/// <summary>Composes the edge into any <see cref="WebApplicationBuilder"/>: its own Program.cs or a hosting program.</summary>
public static class EdgeApplicationExtensions
{
    public static WebApplicationBuilder AddEdge(this WebApplicationBuilder builder)
    {
        EdgeDefaults.AddAsLowestPriority(builder.Configuration);
        builder.AddEdgeTelemetry();

        var services = builder.Services;
        services.AddOptions<EdgeOptions>()
            .Bind(builder.Configuration.GetSection(EdgeOptions.SectionName))
            .Configure<IConfiguration>((options, configuration) =>
                options.RegionDestinations = RegionAddressParser.Parse(configuration.GetSection("Edge:Regions")))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<EdgeOptions>, EdgeOptionsValidator>();
        services.AddOptions<OriginAccessOptions>().Bind(builder.Configuration.GetSection(OriginAccessOptions.SectionName));
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<EdgeMetrics>();
        services.AddSingleton<TenantDirectory>();
        services.AddSingleton<RegionResolver>();
        services.AddSingleton<TenantRateLimiter>();
        services.AddSingleton<ClientRateLimiter>();
        services.AddSingleton<VerifiedCredentials>();
        services.AddSingleton<RequestBudget>();
        services.AddHttpClient(TenantTablePoller.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(5));
        services.AddHostedService<TenantTablePoller>();
        services.AddRequestTimeouts();

        services.AddReverseProxy()
            .LoadFromConfig(builder.Configuration.GetSection("ReverseProxy"))
            .AddConfigFilter<RegionDestinationsConfigFilter>()
            .AddTransforms<ClientHeaderStripTransformProvider>();
        return builder;
    }

    public static WebApplication MapEdge(this WebApplication app)
    {
        app.UseRouting();
        app.UseRequestTimeouts();
        app.MapDefaultEndpoints();
        app.MapReverseProxy(proxy =>
        {
            proxy.UseMiddleware<FrontDoorOriginMiddleware>();
            proxy.UseMiddleware<ForwarderErrorMiddleware>();
            proxy.UseMiddleware<TenantRoutingMiddleware>();
            proxy.UseMiddleware<RegionalHostMiddleware>();
            proxy.UseSessionAffinity();
            proxy.UseLoadBalancing();
            proxy.UsePassiveHealthChecks();
        });
        return app;
    }
}
