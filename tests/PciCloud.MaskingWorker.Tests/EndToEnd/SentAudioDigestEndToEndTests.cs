using System.Net;
using System.Security.Cryptography;
using PciCloud.MaskingWorker.Calls;
using PciCloud.MaskingWorker.Tests.Support;
using PciCloud.Media.Codecs;

namespace PciCloud.MaskingWorker.Tests.EndToEnd;

/// <summary>
/// The certificate's digests: what the worker reports for each leg is the SHA-256 of exactly the payload
/// bytes the agent and the recorder received, in order, so a raw recording can be matched to the call.
/// </summary>
public sealed class SentAudioDigestEndToEndTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task FinalReport_LegDigests_AreTheSha256OfThePayloadsEachDestinationReceived()
    {
        var port = WorkerHost.FreeUdpPort();
        await using var worker = await WorkerHost.StartAsync(port);
        using var phone = new UdpPeer();
        using var agent = new UdpPeer();
        using var recorder = new UdpPeer();
        await worker.AddRtpCallAsync(new CallMediaSettings
        {
            CallId = "call_digest", Transport = MediaTransportKind.Rtp, Codec = AudioCodec.Pcmu, RtpPort = port,
            ForwardTo = agent.EndPoint, RecordTo = recorder.EndPoint,
        });
        var pcm = TestAudio.CardEntry();
        var packets = PhoneCall.Packets(new RtpStream(0), TestAudio.Encode(pcm, G711Law.MuLaw), PhoneCall.CardEntryKeyPresses(), audio: true, events: false);
        var audioPackets = pcm.Length / RtpStream.SamplesPerPacket;

        await phone.SendAllAsync(packets, new IPEndPoint(IPAddress.Loopback, port));
        await Task.WhenAll(agent.ReceiveAsync(audioPackets, Timeout), recorder.ReceiveAsync(audioPackets, Timeout));
        await worker.Relays.StopAsync("call_digest");

        var summary = worker.Gateway.Summaries["call_digest"];
        Assert.True(summary.Final);
        Assert.Equal(["forward", "record"], summary.Legs.Select(l => l.Leg));
        foreach (var (leg, peer) in new[] { (summary.Legs[0], agent), (summary.Legs[1], recorder) })
        {
            var received = peer.Received.SelectMany(ProcessorHarness.Payload).ToArray();
            Assert.Equal(peer.EndPoint.ToString(), leg.Destination);
            Assert.Equal(received.Length, leg.Bytes);
            Assert.Equal(peer.Received.Count, leg.Packets);
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(received)), leg.Sha256);
        }

        Assert.Equal(16, summary.KeyPressesByTransport["inband"]);
        Assert.True(summary.Verified);
        Assert.NotNull(summary.Masker);
        Assert.Equal("60", summary.Masker.Settings["lookaheadMs"]);
        Assert.NotNull(summary.Checker);
    }
}
