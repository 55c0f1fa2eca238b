using System.Net;
using PciCloud.MaskingWorker.Calls;
using PciCloud.MaskingWorker.Diagnostics;
using PciCloud.MaskingWorker.Tests.Support;
using PciCloud.Media.Codecs;
using PciCloud.Media.Rtp;
using PciCloud.Media.Srtp;

namespace PciCloud.MaskingWorker.Tests.EndToEnd;

/// <summary>
/// SRTP on every leg, on loopback: the phone sends SRTP under the customer's key; the worker
/// authenticates and decrypts it before detection, and sends the masked audio to the agent and the
/// recorder as SRTP under each destination's own key. Forged and replayed packets are dropped and counted.
/// </summary>
public sealed class SrtpRelayEndToEndTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task CardEntry_OverSrtp_DigitsReachTheCall_LegsCarryMaskedSrtpUnderTheirOwnKeys_ForgeryAndReplayDropped()
    {
        var port = WorkerHost.FreeUdpPort();
        await using var worker = await WorkerHost.StartAsync(port);
        using var phone = new UdpPeer();
        using var agent = new UdpPeer();
        using var recorder = new UdpPeer();
        using var customerKey = SrtpMasterKey.Generate(SrtpSuite.AesCm128HmacSha1_80);
        using var forwardKey = SrtpMasterKey.Generate(SrtpSuite.AesCm128HmacSha1_32);
        using var recordKey = SrtpMasterKey.Generate(SrtpSuite.AesCm128HmacSha1_80);
        await worker.AddRtpCallAsync(new CallMediaSettings
        {
            CallId = "call_srtp", Transport = MediaTransportKind.Rtp, Codec = AudioCodec.Pcmu, RtpPort = port,
            ForwardTo = agent.EndPoint, RecordTo = recorder.EndPoint, ExpectFrom = new IPEndPoint(IPAddress.Loopback, 0),
            Srtp = new SrtpLegKeys { Customer = customerKey, ForwardTo = forwardKey, RecordTo = recordKey },
        });
        var plain = PhoneCall.Packets(
            new RtpStream(0), TestAudio.Encode(TestAudio.CardEntry(), G711Law.MuLaw), PhoneCall.CardEntryKeyPresses(), audio: true, events: false);
        using var phoneSrtp = new SrtpContext(customerKey);
        var datagrams = plain.Select(packet => Protect(phoneSrtp, packet)).ToList();
        using var strangerKey = SrtpMasterKey.Generate(SrtpSuite.AesCm128HmacSha1_80);
        using var stranger = new SrtpContext(strangerKey);
        var forged = plain[10].ToArray();
        RtpWriter.SetSequenceNumber(forged, (ushort)(plain.Count + 500)); // ahead of the stream: only its tag can refuse it
        datagrams.Insert(20, Protect(stranger, forged));
        datagrams.Insert(40, datagrams[5]); // a replay

        await phone.SendAllAsync(datagrams, new IPEndPoint(IPAddress.Loopback, port));
        await Task.WhenAll(agent.ReceiveAsync(plain.Count, Timeout), recorder.ReceiveAsync(plain.Count, Timeout));

        Assert.Equal(TestAudio.CardNumber, await worker.Gateway.WaitForDigitsAsync("call_srtp", 16, Timeout));
        foreach (var (received, key) in new[] { (agent.Received, forwardKey), (recorder.Received, recordKey) })
        {
            using var listener = new SrtpContext(key);
            var audio = received.Select(datagram =>
            {
                Assert.True(listener.TryUnprotect(datagram, out var length, out var error), $"the leg's packet did not authenticate: {error}");
                return ProcessorHarness.Payload(datagram[..length]);
            });
            var decoded = TestAudio.Decode([.. audio.SelectMany(payload => payload)], G711Law.MuLaw);
            Assert.Equal("", TestAudio.DetectDigits(decoded));
        }

        Assert.Equal(1, worker.Metrics.Dropped(DropReason.SrtpAuthenticationFailed));
        Assert.Equal(1, worker.Metrics.Dropped(DropReason.SrtpRefused));
        Assert.Equal(0, worker.Metrics.Leaks);
    }

    private static byte[] Protect(SrtpContext context, byte[] packet)
    {
        var buffer = new byte[packet.Length + SrtpSuites.MaxTagLength];
        packet.CopyTo(buffer, 0);
        Assert.True(context.TryProtect(buffer, packet.Length, out var length, out _));
        return buffer[..length];
    }
}
