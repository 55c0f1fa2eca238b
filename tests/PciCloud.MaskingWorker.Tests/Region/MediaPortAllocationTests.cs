using PciCloud.Contracts.Media;

namespace PciCloud.MaskingWorker.Tests.Region;

/// <summary>The region's directory grain hands out RTP ports nobody can predict from the last one.</summary>
public sealed class MediaPortAllocationTests
{
    [Fact]
    public async Task ReserveMedia_ManyCalls_PortsAreEvenDistinctInRangeAndNotHandedOutInOrder()
    {
        await using var region = await RegionSilo.StartAsync();
        await region.Directory.RegisterAsync(new MediaWorkerRegistration("worker-r", "127.0.0.1", 40000, 41999, "ws://127.0.0.1:1", 5000));

        var ports = new List<int>();
        for (var i = 0; i < 40; i++)
        {
            var reservation = await region.Directory.ReserveMedia("call_" + Guid.NewGuid().ToString("N"), "rtp");
            ports.Add(reservation!.RtpPort!.Value);
        }

        Assert.All(ports, p => Assert.True(p is >= 40000 and <= 41999 && p % 2 == 0, $"port {p}"));
        Assert.Equal(ports.Count, ports.Distinct().Count());

        // In order, each port would be the last plus 2: whoever got one would know the next call's.
        // Chosen at random from 1000 free ports, a step of exactly 2 happens about once in 40 picks.
        var predictable = ports.Zip(ports.Skip(1)).Count(p => p.Second == p.First + 2);
        Assert.True(predictable <= 5, $"{predictable} of {ports.Count - 1} ports followed the previous one: {string.Join(", ", ports)}");
    }

    [Fact]
    public async Task ReserveMedia_RangeFull_NoReservation_APortFreedIsHandedOutAgain()
    {
        await using var region = await RegionSilo.StartAsync();
        await region.Directory.RegisterAsync(new MediaWorkerRegistration("worker-s", "127.0.0.1", 40000, 40005, "ws://127.0.0.1:1", 10));
        var calls = Enumerable.Range(0, 3).Select(_ => "call_" + Guid.NewGuid().ToString("N")).ToList();
        var ports = new List<int>();
        foreach (var call in calls)
        {
            ports.Add((await region.Directory.ReserveMedia(call, "rtp"))!.RtpPort!.Value);
        }

        Assert.Equal([40000, 40002, 40004], ports.Order());
        Assert.Null(await region.Directory.ReserveMedia("call_" + Guid.NewGuid().ToString("N"), "rtp"));

        await region.Directory.ReleaseMedia(calls[1]);
        Assert.Equal(ports[1], (await region.Directory.ReserveMedia("call_" + Guid.NewGuid().ToString("N"), "rtp"))!.RtpPort);
    }
}
