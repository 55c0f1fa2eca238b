using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using PciCloud.Region.Hosting;
using PciCloud.Region.Tests.Infrastructure;

namespace PciCloud.Region.Tests.Hosting;

/// <summary>The silo reads the cluster settings the workers read, and the region refuses to start with bad settings.</summary>
public sealed class RegionSettingsTests
{
    [Fact]
    public void RegionName_NamesTheCluster_TheSameDefaultTheWorkerUses()
    {
        var builder = WebApplication.CreateBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Region:Name"] = "au" });
        builder.AddRegionSilo();
        using var app = builder.Build();
        Assert.Equal(("pcicloud-au", "pcicloud"), (app.Services.GetRequiredService<IOptions<ClusterOptions>>().Value.ClusterId,
            app.Services.GetRequiredService<IOptions<ClusterOptions>>().Value.ServiceId));
    }

    [Theory]
    [InlineData("Region:AgentTokenMinutes", "0", "Region:AgentTokenMinutes")]
    [InlineData("Region:PublicBaseUrl", "not a url", "Region:PublicBaseUrl")]
    [InlineData("Region:Name", "U S", "Region:Name")]
    [InlineData("Orleans:ClusterId", "a/b", "Orleans:ClusterId")]
    public void BadSetting_RegionDoesNotStart_NamesTheKey(string key, string value, string named)
    {
        using var region = new RegionApplication().With(key, value);
        var error = Assert.ThrowsAny<Exception>(() => region.CreateClient());
        var validation = error as OptionsValidationException ?? error.InnerException as OptionsValidationException;
        Assert.NotNull(validation);
        Assert.Contains(named, validation.Message, StringComparison.Ordinal);
    }
}
