using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;

namespace PciCloud.ServiceDefaults;

/// <summary>
/// The Prometheus scrape endpoint (GET /metrics, text exposition format) of the metrics every host
/// collects (<see cref="ServiceDefaultsExtensions.AddDefaultTelemetry"/>). It answers only on its own
/// port, <c>Metrics:Port</c>: the hosts' HTTP ports are published through ingresses with a "/" path,
/// and a cluster's scraper needs no public route. Without the setting there is no endpoint at all.
/// </summary>
public static class MetricsEndpointExtensions
{
    public const string PortSetting = "Metrics:Port";

    public const string Path = "/metrics";

    public static WebApplication MapMetricsEndpoint(this WebApplication app)
    {
        if (app.Configuration.GetValue<int?>(PortSetting) is not { } port || port is <= 0 or > 65535)
        {
            return app;
        }

        // The local port, not the Host header: a client chooses the header, never the port it reached.
        app.UseOpenTelemetryPrometheusScrapingEndpoint(context =>
            context.Connection.LocalPort == port && context.Request.Path == Path);
        return app;
    }
}
