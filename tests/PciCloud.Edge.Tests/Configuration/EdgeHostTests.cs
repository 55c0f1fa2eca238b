using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PciCloud.Edge.Configuration;
using PciCloud.Edge.Tests.Infrastructure;

namespace PciCloud.Edge.Tests.Configuration;

public sealed class EdgeHostTests
{
    [Theory]
    [InlineData(null, null)]
    [InlineData("Edge:Regions:us", "not-a-url")]
    [InlineData("Edge:StaticTenants:acme", "eu")]
    [InlineData("Edge:TenantRefreshSeconds", "0")]
    public async Task Start_WithAConfigurationThatCouldMisroute_Fails(string? key, string? value)
    {
        var settings = new Dictionary<string, string?> { ["Urls"] = "http://127.0.0.1:0" };
        if (key is not null)
        {
            settings["Edge:Regions:uk"] = "http://127.0.0.1:1";
            settings[key] = value;
        }

        // Fails while building (the proxy reads the options) or at the latest when starting.
        await Assert.ThrowsAsync<OptionsValidationException>(async () =>
        {
            await using var edge = EdgeHost.Create(CleanContentRoot.Options, builder =>
            {
                builder.Logging.ClearProviders();
                builder.Configuration.AddInMemoryCollection(settings);
            });
            await edge.StartAsync(TestContext.Current.CancellationToken);
        });
    }

    [Fact]
    public void EmbeddedDefaults_DefineTheRoutesAndOneClusterPerRegion_AndLoseToHostSettings()
    {
        // Built, never started: nothing probes or polls.
        var app = EdgeHost.Create(CleanContentRoot.Options, builder =>
        {
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Edge:Regions:us"] = "http://127.0.0.1:1",
                ["Edge:TenantRefreshSeconds"] = "7",
            });
        });
        var configuration = app.Services.GetRequiredService<IConfiguration>();

        Assert.Equal(["admin", "agent-assist", "api", "payment-session-events", "region-public-keys"],
            configuration.GetSection("ReverseProxy:Routes").GetChildren().Select(c => c.Key).Order());
        Assert.Equal(["au", "tenant-region", "uk", "us"],
            configuration.GetSection("ReverseProxy:Clusters").GetChildren().Select(c => c.Key).Order());
        Assert.Equal(7, app.Services.GetRequiredService<IOptions<EdgeOptions>>().Value.TenantRefreshSeconds);
        Assert.Equal("/health", configuration["ReverseProxy:Clusters:uk:HealthCheck:Active:Path"]);
    }
}
