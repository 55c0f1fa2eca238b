using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using PciCloud.ServiceDefaults;

namespace PciCloud.MaskingWorker.Tests.Hosting;

/// <summary>The service name in telemetry: OTEL_SERVICE_NAME (the chart sets pcicloud-&lt;component&gt;), else the application name.</summary>
public sealed class ServiceNameTests
{
    [Fact]
    public void OtelServiceName_IsTheServiceName()
    {
        Assert.Equal("pcicloud-masking-worker", ServiceNameWith(new() { ["OTEL_SERVICE_NAME"] = "pcicloud-masking-worker" }));
    }

    [Fact]
    public void WithoutIt_TheApplicationNameIs()
    {
        Assert.Equal("PciCloud.MaskingWorker.Tests", ServiceNameWith([]));
    }

    private static string? ServiceNameWith(Dictionary<string, string?> settings)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ApplicationName = "PciCloud.MaskingWorker.Tests" });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddServiceDefaults();
        using var app = builder.Build();
        var resource = app.Services.GetRequiredService<TracerProvider>().GetResource();
        return resource.Attributes.FirstOrDefault(a => a.Key == "service.name").Value as string;
    }
}
