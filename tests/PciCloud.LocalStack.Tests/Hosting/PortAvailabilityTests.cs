using System.Net;
using System.Net.Sockets;
using PciCloud.LocalStack.Hosting;

namespace PciCloud.LocalStack.Tests.Hosting;

public sealed class PortAvailabilityTests
{
    [Fact]
    public async Task StartAsync_PortTaken_RefusesBeforeStartingAnything()
    {
        using var squatter = new TcpListener(IPAddress.Loopback, 0);
        squatter.Start();
        var taken = ((IPEndPoint)squatter.LocalEndpoint).Port;
        var options = new StackOptions().WithOffset(19000) with { EdgePort = taken };
        await using var runner = new LocalStackRunner(options);

        var error = await Assert.ThrowsAsync<PortsBusyException>(() => runner.StartAsync(TestContext.Current.CancellationToken));

        Assert.Contains($"{taken}/tcp (edge)", error.Message, StringComparison.Ordinal);
        Assert.Contains("already in use", error.Message, StringComparison.Ordinal);
    }
}
