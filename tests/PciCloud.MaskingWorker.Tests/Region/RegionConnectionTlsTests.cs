using PciCloud.MaskingWorker.Hosting;

namespace PciCloud.MaskingWorker.Tests.Region;

/// <summary>The worker's Orleans client over TLS, with the keys the chart sets (Orleans:Tls:*).</summary>
public sealed class RegionConnectionTlsTests
{
    [Fact]
    public async Task AWorkerWithTheRegionsKeystore_RegistersWithASiloThatRequiresTls()
    {
        using var certificates = new TestCertificates();
        await using var region = await RegionSilo.StartAsync(certificates);

        await using var worker = await ConnectedWorker.StartAsync(region, "worker-tls", extraArgs: certificates.WorkerArgs);

        var registered = await region.Directory.ListAsync();
        Assert.Contains(registered, w => w.Registration.WorkerId == "worker-tls");
        Assert.Contains(certificates.Worker.Thumbprint, certificates.SeenBySilo);
    }

    [Fact]
    public void TheSilosCertificate_MustChainToTheRegionsCa()
    {
        using var region = new TestCertificates("region CA");
        using var other = new TestCertificates("someone else's CA");

        Assert.True(PciCloud.ServiceDefaults.OrleansTlsCertificates.ChainsTo(region.Silo, region.Ca));
        Assert.False(PciCloud.ServiceDefaults.OrleansTlsCertificates.ChainsTo(other.Silo, region.Ca));
        Assert.False(PciCloud.ServiceDefaults.OrleansTlsCertificates.ChainsTo(null, region.Ca));
    }
}
