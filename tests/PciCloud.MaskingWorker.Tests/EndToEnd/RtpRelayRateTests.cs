using System.Net;
using PciCloud.MaskingWorker.Calls;
using PciCloud.MaskingWorker.Diagnostics;
using PciCloud.MaskingWorker.Tests.Support;
using PciCloud.Media.Codecs;

namespace PciCloud.MaskingWorker.Tests.EndToEnd;

/// <summary>Issue 13 part 3: one call's source cannot send more than a call's worth of packets a second.</summary>
public sealed class RtpRelayRateTests
{
    [Fact]
    public async Task PacketsBeyondTheCallsRate_AreDroppedAndCounted_NeverForwarded()
    {
        const int limit = 50, burst = 150; // three seconds of audio sent at once
        var port = WorkerHost.FreeUdpPort();
        await using var worker = await WorkerHost.StartAsync(port, settings: new Dictionary<string, string?> { ["MaskingWorker:MaxPacketsPerSecondPerCall"] = $"{limit}" });
        using var phone = new UdpPeer();
        using var agent = new UdpPeer();
        await worker.AddRtpCallAsync(new CallMediaSettings
        {
            CallId = "call_rate", Transport = MediaTransportKind.Rtp, Codec = AudioCodec.Pcmu, RtpPort = port, ForwardTo = agent.EndPoint,
        });

        var packets = new RtpStream(0).AudioPackets(TestAudio.Encode(TestAudio.PseudoSpeech(burst * 20), G711Law.MuLaw)).Select(p => p.Packet).ToList();
        await phone.SendAllAsync(packets, new IPEndPoint(IPAddress.Loopback, port));
        await Waiting.UntilAsync(
            () => Task.FromResult(worker.Metrics.PacketsOut + worker.Metrics.Dropped(DropReason.RateLimited) == burst), "every packet forwarded or dropped");

        var dropped = worker.Metrics.Dropped(DropReason.RateLimited);
        Assert.True(dropped >= burst - (2 * limit), $"{dropped} dropped: a burst spans at most two one-second windows");
        Assert.Equal(burst, worker.Metrics.PacketsIn);
    }
}
