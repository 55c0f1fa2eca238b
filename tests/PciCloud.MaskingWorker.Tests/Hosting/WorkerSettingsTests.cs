using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using PciCloud.MaskingWorker.Hosting;
using PciCloud.ServiceDefaults;

namespace PciCloud.MaskingWorker.Tests.Hosting;

/// <summary>The worker reads the cluster settings the silos read (RegionClusterOptions), and refuses to start with bad ones.</summary>
public sealed class WorkerSettingsTests
{
    [Fact]
    public void RegionNameAndRedis_AsTheSiloIsGiven_WorkerJoinsPcicloudRegionThroughRedis()
    {
        using var app = MaskingWorkerHost.CreateBuilder(["--Region:Name=uk", "--Redis:ConnectionString=127.0.0.1:1,abortConnect=false"]).Build();

        var cluster = app.Services.GetRequiredService<IOptions<ClusterOptions>>().Value;
        Assert.Equal(("pcicloud-uk", "pcicloud"), (cluster.ClusterId, cluster.ServiceId));
        Assert.Equal("127.0.0.1:1,abortConnect=false", app.Services.GetRequiredService<IOptions<RegionClusterOptions>>().Value.RedisConnectionString);
        Assert.Contains("Redis", app.Services.GetRequiredService<Orleans.Messaging.IGatewayListProvider>().GetType().Name, StringComparison.Ordinal);
    }

    [Fact]
    public void NoSettings_DefaultsMatchTheDefaultRegion()
    {
        using var app = MaskingWorkerHost.CreateBuilder([]).Build();
        Assert.Equal("pcicloud-us", app.Services.GetRequiredService<IOptions<ClusterOptions>>().Value.ClusterId);
    }

    [Theory]
    [InlineData("--Orleans:ClusterId=pcicloud uk", "Orleans:ClusterId")]
    [InlineData("--Orleans:GatewayPort=70000", "Orleans:GatewayPort")]
    public void BadClusterSetting_RefusedWhileComposing_NamesTheKey(string setting, string key)
    {
        var error = Assert.Throws<OptionsValidationException>(() => MaskingWorkerHost.CreateBuilder([setting]));
        Assert.Contains(key, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--MaskingWorker:RtpPortEnd=1000", "MaskingWorker:RtpPortStart..RtpPortEnd")]
    [InlineData("--MaskingWorker:RtpBindAddress=not-an-ip", "MaskingWorker:RtpBindAddress")]
    [InlineData("--MaskingWorker:AllowedDestinationNetworks:0=10.0.0.0/33", "MaskingWorker:AllowedDestinationNetworks")]
    [InlineData("--MaskingWorker:MaxStreams=0", "MaskingWorker:MaxStreams")]
    public async Task BadWorkerSetting_RefusedOnStart_NamesTheKey(string setting, string key)
    {
        // Build or start, whichever reads the options first (the host's shutdown timeout comes from them).
        var error = await Assert.ThrowsAsync<OptionsValidationException>(async () =>
        {
            await using var app = MaskingWorkerHost.CreateBuilder(["--urls=http://127.0.0.1:0", setting]).Build();
            await app.StartAsync(TestContext.Current.CancellationToken);
        });
        Assert.Contains(key, error.Message, StringComparison.Ordinal);
    }
}
