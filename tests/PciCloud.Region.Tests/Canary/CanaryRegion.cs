using System.Diagnostics;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using PciCloud.Region.Tests.Infrastructure;

namespace PciCloud.Region.Tests.Canary;

/// <summary>A region on real Redis that keeps everything it emits: Debug logs, traces and metrics (in-memory exporters).</summary>
public sealed class CanaryRegion : RegionApplication
{
    public CanaryRegion(string redis)
    {
        With("Redis:ConnectionString", redis);
        With("Orleans:AdvertisedIP", "127.0.0.1");
        With("Region:AllowPrivateWebhooks", "true");
        With("Logging:LogLevel:Default", "Debug");
        With("Logging:LogLevel:Microsoft", "Debug");
        With("Logging:LogLevel:Orleans", "Debug");
    }

    public CapturingLoggerProvider Logs { get; } = new();

    public SynchronizedList<Activity> Activities { get; } = new();

    public SynchronizedList<Metric> Metrics { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services =>
        {
            services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Debug).AddProvider(Logs));
            services.AddOpenTelemetry()
                .WithTracing(t => t.AddInMemoryExporter(Activities))
                .WithMetrics(m => m.AddInMemoryExporter(Metrics));
        });
    }
}
