using OpenTelemetry.Trace;
using PciCloud.ServiceDefaults;

namespace PciCloud.Edge.Telemetry;

/// <summary>
/// The shared service defaults (OpenTelemetry, health, problem details) plus YARP's own
/// ActivitySource. W3C trace context flows on to the region through YARP's propagator; the edge meter
/// ("PciCloud.Edge") is picked up by the defaults' "PciCloud.*" pattern.
/// </summary>
internal static class EdgeTelemetryExtensions
{
    public const string YarpActivitySource = "Yarp.ReverseProxy";

    public static WebApplicationBuilder AddEdgeTelemetry(this WebApplicationBuilder builder)
    {
        builder.AddServiceDefaults();
        builder.Services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddSource(YarpActivitySource));
        return builder;
    }
}
