using System.Net;
using PciCloud.MaskingWorker.Calls;
using PciCloud.MaskingWorker.Diagnostics;
using PciCloud.MaskingWorker.Tests.Support;
using PciCloud.Media.Codecs;

namespace PciCloud.MaskingWorker.Tests.Region;

/// <summary>
/// The worker knows an RTP call before its first packet can arrive: the CallGrain tells it when the call
/// starts (before POST /v1/calls answers), not the worker's next directory round.
/// </summary>
public sealed class PushedCallTests
{
    [Fact]
    public async Task PacketsSentFromTheMomentTheCallIsStarted_AreAllForwarded()
    {
        await using var region = await RegionSilo.StartAsync();
        await using var worker = await ConnectedWorker.StartAsync(region, "worker-push"); // no directory round after registering
        using var phone = new UdpPeer();
        using var agent = new UdpPeer();

        var callId = "call_" + Guid.NewGuid().ToString("N");
        var (_, reservation) = await RegionCalls.StartRtpCallAsync(region, callId, "PCMU", agent.EndPoint, null);

        // What POST /v1/calls does has returned: the customer's audio starts now, first words first.
        var packets = PhoneCall.Packets(new RtpStream(0), TestAudio.Encode(TestAudio.PseudoSpeech(1000), G711Law.MuLaw), [], audio: true, events: false);
        await phone.SendAllAsync(packets, new IPEndPoint(IPAddress.Loopback, reservation.RtpPort!.Value));
        await using var reference = new ProcessorHarness(AudioCodec.Pcmu);
        reference.FeedAll(packets);

        await agent.ReceiveAsync(reference.Sent.Count, TimeSpan.FromSeconds(20));
        Assert.Equal(packets.Count, reference.Sent.Count);
        Assert.Equal(packets.Count, worker.Metrics.PacketsIn);
        Assert.Equal(0, worker.Metrics.Dropped(DropReason.UnexpectedSource));
    }
}
