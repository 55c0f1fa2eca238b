using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace PciCloud.Edge.Telemetry;

/// <summary>
/// OpenTelemetry for the edge: ASP.NET Core, outgoing HTTP and YARP traces (W3C trace context flows to the
/// region through YARP's propagator), the edge meter, and OTLP export when OTEL_EXPORTER_OTLP_ENDPOINT is set.
/// </summary>
internal static class EdgeTelemetryExtensions
{
    public static WebApplicationBuilder AddEdgeTelemetry(this WebApplicationBuilder builder)
    {
        var otel = builder.Services.AddOpenTelemetry()
            .WithTracing(tracing => tracing
                .AddSource("Yarp.ReverseProxy")
                .AddAspNetCoreInstrumentation(o => o.Filter = context => context.Request.Path != "/health")
                .AddHttpClientInstrumentation())
            .WithMetrics(metrics => metrics
                .AddMeter(EdgeMetrics.MeterName)
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation());
        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            otel.UseOtlpExporter();
        }
        builder.Services.AddHealthChecks();
        return builder;
    }
}
