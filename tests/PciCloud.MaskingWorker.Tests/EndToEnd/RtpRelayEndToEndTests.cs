using System.Net;
using PciCloud.MaskingWorker.Calls;
using PciCloud.MaskingWorker.Diagnostics;
using PciCloud.MaskingWorker.Tests.Support;
using PciCloud.Media.Codecs;

namespace PciCloud.MaskingWorker.Tests.EndToEnd;

/// <summary>The worker on loopback: a phone sends RTP to the worker's port, an agent and a recorder receive.</summary>
public sealed class RtpRelayEndToEndTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Theory]
    [InlineData(AudioCodec.Pcmu, true, false)]
    [InlineData(AudioCodec.Pcma, true, false)]
    [InlineData(AudioCodec.Pcmu, false, true)]
    [InlineData(AudioCodec.Pcma, true, true)]
    public async Task CardEntry_OverUdp_DigitsReachTheCall_ForwardAndRecordCarryNone(AudioCodec codec, bool inBand, bool events)
    {
        var port = WorkerHost.FreeUdpPort();
        await using var worker = await WorkerHost.StartAsync(port);
        using var phone = new UdpPeer();
        using var agent = new UdpPeer();
        using var recorder = new UdpPeer();
        var settings = new CallMediaSettings
        {
            CallId = "call_e2e", Transport = MediaTransportKind.Rtp, Codec = codec, RtpPort = port,
            ForwardTo = agent.EndPoint, RecordTo = recorder.EndPoint, ExpectFrom = new IPEndPoint(IPAddress.Loopback, 0),
        };
        await worker.AddRtpCallAsync(settings);
        var law = codec == AudioCodec.Pcma ? G711Law.ALaw : G711Law.MuLaw;
        var pcm = inBand ? TestAudio.CardEntry() : TestAudio.Silence(TestAudio.CardEntry().Length / 8);
        var packets = PhoneCall.Packets(new RtpStream((byte)codec), TestAudio.Encode(pcm, law), PhoneCall.CardEntryKeyPresses(), audio: true, events);
        var audioPackets = pcm.Length / RtpStream.SamplesPerPacket;

        await phone.SendAllAsync(packets, new IPEndPoint(IPAddress.Loopback, port));
        await Task.WhenAll(agent.ReceiveAsync(audioPackets, Timeout), recorder.ReceiveAsync(audioPackets, Timeout));

        Assert.Equal(TestAudio.CardNumber, await worker.Gateway.WaitForDigitsAsync("call_e2e", 16, Timeout));
        foreach (var received in new[] { agent.Received, recorder.Received })
        {
            var audio = TestAudio.Decode([.. received.SelectMany(ProcessorHarness.Payload)], law);
            Assert.Equal("", TestAudio.DetectDigits(audio));
            if (Multimon.IsInstalled)
            {
                Assert.Equal("", await Multimon.DetectDigitsAsync(audio, TestContext.Current.CancellationToken));
            }
        }

        Assert.Equal(0, worker.Metrics.Leaks);
    }

    [Theory]
    [InlineData(AudioCodec.Pcmu, true)]
    [InlineData(AudioCodec.Pcma, false)]
    public async Task Rfc4733OnlyKeyPresses_OverUdp_FarSideHearsTheMaskingTone_DigitsReachTheCallOnce(AudioCodec codec, bool audioDuringKeyPresses)
    {
        var port = WorkerHost.FreeUdpPort();
        await using var worker = await WorkerHost.StartAsync(port);
        using var phone = new UdpPeer();
        using var agent = new UdpPeer();
        using var recorder = new UdpPeer();
        await worker.AddRtpCallAsync(new CallMediaSettings
        {
            CallId = "call_events", Transport = MediaTransportKind.Rtp, Codec = codec, RtpPort = port, ForwardTo = agent.EndPoint, RecordTo = recorder.EndPoint,
        });
        var law = codec == AudioCodec.Pcma ? G711Law.ALaw : G711Law.MuLaw;
        var keyPresses = PhoneCall.CardEntryKeyPresses();
        var silence = TestAudio.Encode(TestAudio.Silence(TestAudio.CardEntry().Length / 8), law);
        var packets = PhoneCall.Packets(new RtpStream((byte)codec), silence, keyPresses, audio: true, events: true, audioDuringKeyPresses);
        await using var reference = new ProcessorHarness(codec); // the same processing without sockets: how many packets go out
        reference.FeedAll(packets);

        await phone.SendAllAsync(packets, new IPEndPoint(IPAddress.Loopback, port));
        await Task.WhenAll(agent.ReceiveAsync(reference.Sent.Count, Timeout), recorder.ReceiveAsync(reference.Sent.Count, Timeout));

        Assert.Equal(TestAudio.CardNumber, await worker.Gateway.WaitForDigitsAsync("call_events", 16, Timeout));
        var lookahead = new Media.Masking.MaskingChannel(new Media.Masking.MaskingOptions()).LookaheadSamples;
        foreach (var received in new[] { agent.Received, recorder.Received })
        {
            Assert.All(received, p => Assert.Equal((byte)codec, ProcessorHarness.Header(p).PayloadType));
            var audio = MaskingToneCheck.Timeline(received, law);
            Assert.All(keyPresses, k => Assert.Equal(1.0, MaskingToneCheck.ShareOfTone(audio, k.Start + lookahead, k.Duration)));
            Assert.Equal("", TestAudio.DetectDigits(audio));
            if (Multimon.IsInstalled)
            {
                Assert.Equal("", await Multimon.DetectDigitsAsync(audio, TestContext.Current.CancellationToken));
            }
        }

        await worker.Relays.StopAsync("call_events"); // every queued key press delivered: none twice
        Assert.Equal(16, worker.Gateway.KeyPresses.Count(k => k.CallId == "call_events"));
    }

    [Fact]
    public async Task PacketsFromAnotherSource_NotContinuingTheStream_AreDroppedAndCounted()
    {
        var port = WorkerHost.FreeUdpPort();
        await using var worker = await WorkerHost.StartAsync(port);
        using var phone = new UdpPeer();
        using var intruder = new UdpPeer();
        using var agent = new UdpPeer();
        await worker.AddRtpCallAsync(new CallMediaSettings
        {
            CallId = "call_src", Transport = MediaTransportKind.Rtp, Codec = AudioCodec.Pcmu, RtpPort = port, ForwardTo = agent.EndPoint,
        });
        var stream = new RtpStream(0);
        var to = new IPEndPoint(IPAddress.Loopback, port);

        await phone.SendAllAsync([stream.Audio(new byte[160], 0)], to);
        await agent.ReceiveAsync(1, Timeout);
        // An off-path sender does not know the stream's SSRC (the same SSRC and next sequence numbers would be
        // the customer's own NAT rebinding, which RtpSourceGuardTests cover).
        var stranger = new RtpStream(0, ssrc: 0x0BADF00D);
        await intruder.SendAllAsync([stranger.Audio(new byte[160], 160), stranger.Audio(new byte[160], 320)], to);
        await phone.SendAllAsync([stream.Audio(new byte[160], 480)], to);
        await agent.ReceiveAsync(2, Timeout);

        Assert.Equal(2, worker.Metrics.Dropped(DropReason.UnexpectedSource));
        Assert.Equal(2, agent.Received.Count);
    }

    [Fact]
    public async Task ExpectFrom_OtherSourcesAreNeverLearned()
    {
        var port = WorkerHost.FreeUdpPort();
        await using var worker = await WorkerHost.StartAsync(port);
        using var phone = new UdpPeer();
        using var intruder = new UdpPeer();
        using var agent = new UdpPeer();
        await worker.AddRtpCallAsync(new CallMediaSettings
        {
            CallId = "call_expect", Transport = MediaTransportKind.Rtp, Codec = AudioCodec.Pcmu, RtpPort = port,
            ForwardTo = agent.EndPoint, ExpectFrom = phone.EndPoint,
        });
        var stream = new RtpStream(0);
        var to = new IPEndPoint(IPAddress.Loopback, port);

        await intruder.SendAllAsync([stream.Audio(new byte[160], 0)], to);
        await phone.SendAllAsync([stream.Audio(new byte[160], 160)], to);
        await agent.ReceiveAsync(1, Timeout);

        Assert.Equal(1, worker.Metrics.Dropped(DropReason.UnexpectedSource));
        Assert.Single(agent.Received);
    }

    [Fact]
    public async Task GrainUnreachable_DigitsAreCountedLost_AudioStaysMasked()
    {
        var port = WorkerHost.FreeUdpPort();
        await using var worker = await WorkerHost.StartAsync(port);
        using var phone = new UdpPeer();
        using var agent = new UdpPeer();
        await worker.AddRtpCallAsync(new CallMediaSettings
        {
            CallId = "call_lost", Transport = MediaTransportKind.Rtp, Codec = AudioCodec.Pcmu, RtpPort = port, ForwardTo = agent.EndPoint,
        });
        worker.Gateway.Unreachable = true;
        var pcm = TestAudio.CardEntry("123");
        var packets = new RtpStream(0).AudioPackets(TestAudio.Encode(pcm, G711Law.MuLaw)).Select(p => p.Packet).ToList();

        await phone.SendAllAsync(packets, new IPEndPoint(IPAddress.Loopback, port));
        await agent.ReceiveAsync(packets.Count, Timeout);
        await worker.Relays.StopAsync("call_lost"); // ends the stream: every queued delivery is tried

        Assert.Equal(3, worker.Metrics.DigitsLost);
        Assert.Empty(worker.Gateway.KeyPresses);
        var audio = TestAudio.Decode([.. agent.Received.SelectMany(ProcessorHarness.Payload)], G711Law.MuLaw);
        Assert.Equal("", TestAudio.DetectDigits(audio));
    }

    [Fact]
    public async Task WorkerRestart_PicksUpItsAssignedCallsAgain()
    {
        var port = WorkerHost.FreeUdpPort();
        var gateway = new FakeCallGateway();
        var directory = new FakeWorkerDirectory();
        using var phone = new UdpPeer();
        using var agent = new UdpPeer();
        var settings = new CallMediaSettings
        {
            CallId = "call_restart", Transport = MediaTransportKind.Rtp, Codec = AudioCodec.Pcmu, RtpPort = port, ForwardTo = agent.EndPoint,
        };
        var first = await WorkerHost.StartAsync(port, gateway, directory);
        await first.AddRtpCallAsync(settings);
        await first.DisposeAsync(); // the worker goes away; its port closes
        Assert.False(directory.Workers.ContainsKey("worker-test"));

        await using var second = await WorkerHost.StartAsync(port, gateway, directory);
        await second.BeatAsync();
        Assert.True(second.Relays.TryGet("call_restart", out _));
        var packets = new RtpStream(0).AudioPackets(TestAudio.Encode(TestAudio.CardEntry("42"), G711Law.MuLaw)).Select(p => p.Packet).ToList();
        await phone.SendAllAsync(packets, new IPEndPoint(IPAddress.Loopback, port));
        await agent.ReceiveAsync(packets.Count, Timeout);

        Assert.Equal("42", await gateway.WaitForDigitsAsync("call_restart", 2, Timeout));
    }

    public static TheoryData<string, char> SippCaptures => new()
    {
        { "dtmf_2833_0.pcap", '0' }, { "dtmf_2833_1.pcap", '1' }, { "dtmf_2833_2.pcap", '2' }, { "dtmf_2833_3.pcap", '3' },
        { "dtmf_2833_4.pcap", '4' }, { "dtmf_2833_5.pcap", '5' }, { "dtmf_2833_6.pcap", '6' }, { "dtmf_2833_7.pcap", '7' },
        { "dtmf_2833_8.pcap", '8' }, { "dtmf_2833_9.pcap", '9' }, { "dtmf_2833_star.pcap", '*' }, { "dtmf_2833_pound.pcap", '#' },
    };

    [Theory]
    [MemberData(nameof(SippCaptures))]
    public async Task SippRfc2833Capture_DigitArrives_MaskingToneForwardedInstead_NoEventPacket(string capture, char digit)
    {
        var path = Path.Combine("/usr/share/sip-tester", capture);
        Assert.SkipUnless(File.Exists(path), "sip-tester is installed by .ci/run");
        var port = WorkerHost.FreeUdpPort();
        await using var worker = await WorkerHost.StartAsync(port);
        using var phone = new UdpPeer();
        using var agent = new UdpPeer();
        await worker.AddRtpCallAsync(new CallMediaSettings
        {
            CallId = "call_sipp", Transport = MediaTransportKind.Rtp, Codec = AudioCodec.Pcmu, RtpPort = port, ForwardTo = agent.EndPoint,
        });
        var to = new IPEndPoint(IPAddress.Loopback, port);
        var packets = PcapReader.UdpPayloads(path);

        await phone.SendAllAsync(packets, to);
        Assert.Equal(digit.ToString(), await worker.Gateway.WaitForDigitsAsync("call_sipp", 1, Timeout));

        // The captures hold events and no audio: what goes out is masking tone in place of the key press,
        // as audio of the call's codec; no event packet is forwarded.
        await using var reference = new ProcessorHarness(AudioCodec.Pcmu);
        reference.FeedAll(packets);
        Assert.NotEmpty(reference.Sent);
        await agent.ReceiveAsync(reference.Sent.Count, Timeout);
        Assert.All(agent.Received, p => Assert.Equal(0, ProcessorHarness.Header(p).PayloadType));
        var audio = MaskingToneCheck.Timeline(agent.Received, G711Law.MuLaw);
        Assert.True(MaskingToneCheck.ShareOfTone(audio, 0, audio.Length) > 0.5, "the key press sounds as the masking tone");
        Assert.Equal("", TestAudio.DetectDigits(audio));
        await Waiting.UntilAsync(() => Task.FromResult(worker.Metrics.Dropped(DropReason.TelephoneEventConsumed) == packets.Count), "every event packet consumed");
    }
}
