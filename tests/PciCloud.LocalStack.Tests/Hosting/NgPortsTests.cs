using PciCloud.LocalStack.Hosting;

namespace PciCloud.LocalStack.Tests.Hosting;

/// <summary>The workers' ng ports: us 2223, uk 2224, au 2225 on loopback, shifted by --port-offset, given to each worker and printed.</summary>
public sealed class NgPortsTests
{
    [Theory]
    [InlineData(0, "us", "127.0.0.1:2223")]
    [InlineData(0, "uk", "127.0.0.1:2224")]
    [InlineData(0, "au", "127.0.0.1:2225")]
    [InlineData(12000, "uk", "127.0.0.1:14224")]
    public void NgAddress_PerRegion_ShiftedByTheOffset(int offset, string region, string expected)
    {
        var options = new StackOptions().WithOffset(offset);

        Assert.Equal(expected, options.NgAddress(region));
        Assert.Contains($"--MaskingWorker:NgListenAddress={expected}", StackLayout.WorkerArgs(options, region));
        Assert.Contains($"ng udp {expected}", Banner.For(options, TimeSpan.FromSeconds(1), null), StringComparison.Ordinal);
    }
}
