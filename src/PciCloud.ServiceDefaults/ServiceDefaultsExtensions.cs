using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace PciCloud.ServiceDefaults;

/// <summary>
/// What every PciCloud host shares (region, masking worker, edge): OpenTelemetry with the Orleans
/// sources, health endpoints and problem details. No log redaction: card data and secrets are never
/// given to a logger in the first place (the canary tests read every log line).
/// </summary>
public static class ServiceDefaultsExtensions
{
    /// <summary>Orleans' ActivitySources; harmless in hosts that do not run Orleans.</summary>
    public static readonly string[] OrleansActivitySources =
        ["Microsoft.Orleans.Application", "Microsoft.Orleans.Runtime", "Microsoft.Orleans.Storage"];

    public const string OrleansMeter = "Microsoft.Orleans";

    /// <summary>Every PciCloud ActivitySource and Meter is named "PciCloud.*".</summary>
    public const string PciCloudSourcePattern = "PciCloud.*";

    private const string AliveTag = "live";

    public static TBuilder AddServiceDefaults<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.AddDefaultTelemetry();
        builder.AddDefaultHealthChecks();
        builder.Services.AddProblemDetails();
        return builder;
    }

    public static TBuilder AddDefaultTelemetry<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.IncludeFormattedMessage = true;
            logging.IncludeScopes = true;
        });

        builder.Services.AddOpenTelemetry()
            // OTEL_SERVICE_NAME (the chart sets pcicloud-<component>) wins; AddService would otherwise replace it.
            .ConfigureResource(r => r.AddService(ServiceName(builder)))
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentationIfPresent()
                .AddMeter(OrleansMeter, PciCloudSourcePattern))
            .WithTracing(tracing => tracing
                .AddSource(OrleansActivitySources)
                .AddSource(PciCloudSourcePattern)
                .AddAspNetCoreInstrumentation(o => o.Filter = ctx => !IsHealthPath(ctx.Request.Path))
                .AddHttpClientInstrumentation());

        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            builder.Services.AddOpenTelemetry().UseOtlpExporter();
        }

        return builder;
    }

    public static TBuilder AddDefaultHealthChecks<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddHealthChecks().AddCheck("self", () => HealthCheckResult.Healthy(), [AliveTag]);
        return builder;
    }

    /// <summary>/health: every check (ready to serve). /alive: only the liveness checks.</summary>
    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        app.MapHealthChecks("/health");
        app.MapHealthChecks("/alive", new HealthCheckOptions { Predicate = r => r.Tags.Contains(AliveTag) });
        return app;
    }

    private static string ServiceName(IHostApplicationBuilder builder) =>
        builder.Configuration["OTEL_SERVICE_NAME"] is { Length: > 0 } name ? name : builder.Environment.ApplicationName;

    private static bool IsHealthPath(PathString path) =>
        path.StartsWithSegments("/health") || path.StartsWithSegments("/alive");

    private static MeterProviderBuilder AddRuntimeInstrumentationIfPresent(this MeterProviderBuilder metrics) =>
        metrics.AddMeter("System.Runtime");
}
