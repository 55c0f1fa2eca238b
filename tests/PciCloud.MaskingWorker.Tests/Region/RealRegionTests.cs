using System.Net;
using PciCloud.Contracts.Media;
using PciCloud.Grains.Media;
using PciCloud.MaskingWorker.Calls;
using PciCloud.MaskingWorker.Tests.Support;
using PciCloud.Media.Codecs;

namespace PciCloud.MaskingWorker.Tests.Region;

/// <summary>
/// The real worker (Program.cs's composition, Orleans client) against a real region silo hosting the
/// real grains: registration and heartbeats in MediaWorkerDirectoryGrain, a call started through the
/// CallGrain, key presses routed to the payment session, the masking report, and the directory
/// dropping a silent worker with its reservations.
/// </summary>
public sealed class RealRegionTests
{
    private const string Keyed = TestAudio.CardNumber;
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Theory]
    [InlineData(AudioCodec.Pcmu, true, false)]
    [InlineData(AudioCodec.Pcma, true, true)]
    [InlineData(AudioCodec.Pcmu, false, true)] // events only, and no audio while a key is down
    public async Task RtpCall_StartedThroughTheCallGrain_WorkerCarriesIt_DigitsReachTheSession_NoToneReachesTheFarSide(AudioCodec codec, bool inBand, bool events)
    {
        await using var region = await RegionSilo.StartAsync();
        await using var worker = await ConnectedWorker.StartAsync(region, "worker-a", TimeSpan.FromMilliseconds(200));
        var registered = Assert.Single(await region.Directory.ListAsync());
        Assert.Equal(new MediaWorkerRegistration("worker-a", "127.0.0.1", worker.RtpPort, worker.RtpPort, registered.Registration.WebsocketBaseUrl, 2500),
            registered.Registration);
        Assert.StartsWith("ws://127.0.0.1:", registered.Registration.WebsocketBaseUrl, StringComparison.Ordinal);

        using var phone = new UdpPeer();
        using var agent = new UdpPeer();
        using var recorder = new UdpPeer();
        var callId = "call_" + Guid.NewGuid().ToString("N");
        var (call, reservation) = await RegionCalls.StartRtpCallAsync(region, callId, codec.ToString().ToUpperInvariant(), agent.EndPoint, recorder.EndPoint);
        Assert.Equal(("worker-a", worker.RtpPort), (reservation.WorkerId, reservation.RtpPort!.Value));
        var session = await RegionCalls.OpenCapturingSessionAsync(region, call, callId);

        // The worker learns of the call on its own heartbeat round, pulls the settings from the CallGrain and opens the port;
        // its next heartbeat tells the directory it carries one stream.
        await Waiting.UntilAsync(() => Task.FromResult(worker.Relays.TryGet(callId, out _)), "the worker to open the call's port");
        await Waiting.UntilAsync(async () => (await region.Directory.ListAsync()).Single().ActiveStreams == 1, "a heartbeat reporting the call's stream");

        var law = codec == AudioCodec.Pcma ? G711Law.ALaw : G711Law.MuLaw;
        var pcm = inBand ? TestAudio.CardEntry(Keyed) : TestAudio.Silence(TestAudio.CardEntry(Keyed).Length / 8);
        var packets = PhoneCall.Packets(
            new RtpStream((byte)codec), TestAudio.Encode(pcm, law), PhoneCall.CardEntryKeyPresses(Keyed), audio: true, events, audioDuringKeyPresses: inBand);
        await using var reference = new ProcessorHarness(codec); // the same processing without sockets: how many packets go out
        reference.FeedAll(packets);
        await phone.SendAllAsync(packets, new IPEndPoint(IPAddress.Loopback, reservation.RtpPort.Value));
        await Task.WhenAll(agent.ReceiveAsync(reference.Sent.Count, Timeout), recorder.ReceiveAsync(reference.Sent.Count, Timeout));

        var view = await RegionCalls.WaitForSessionAsync(session, v => v.Fields["card_number"].State == "complete", Timeout);
        var number = view.Fields["card_number"];
        Assert.Equal((16, "1111", "visa", 0), (number.Length, number.Last4, number.Brand, view.DigitsLost));

        await Waiting.UntilAsync(async () => (await call.GetMaskingSummaryAsync())!.KeyPressesMasked == Keyed.Length, "the masking report of every key press");
        var report = (await call.GetMaskingSummaryAsync())!;
        Assert.Equal(0, report.Leaks);
        Assert.Equal(inBand, report.Transports.Contains("inband"));
        Assert.Equal(events, report.Transports.Contains("rfc4733"));
        Assert.NotEmpty(report.Spans);

        foreach (var received in new[] { agent.Received, recorder.Received })
        {
            var audio = MaskingToneCheck.Timeline(received, law);
            Assert.Equal("", TestAudio.DetectDigits(audio));
            if (Multimon.IsInstalled)
            {
                Assert.Equal("", await Multimon.DetectDigitsAsync(audio, TestContext.Current.CancellationToken));
            }
        }
    }

    [Fact]
    public async Task WorkerSilentPastTheHeartbeatTimeout_IsDroppedWithItsReservations_NewCallsGoElsewhere_ItsPortCloses()
    {
        await using var region = await RegionSilo.StartAsync();
        await using var silent = await ConnectedWorker.StartAsync(region, "worker-silent"); // both beat only when the test says so
        using var agent = new UdpPeer();
        var callId = "call_" + Guid.NewGuid().ToString("N");
        var (_, reservation) = await RegionCalls.StartRtpCallAsync(region, callId, "PCMU", agent.EndPoint, null);
        Assert.Equal("worker-silent", reservation.WorkerId);
        await silent.BeatAsync();
        Assert.True(silent.Relays.TryGet(callId, out _), "the worker opened the call's port");
        await using var alive = await ConnectedWorker.StartAsync(region, "worker-alive");

        region.Clock.MoveForward(MediaWorkerDirectoryGrain.HeartbeatTimeout + TimeSpan.FromSeconds(1));
        await alive.BeatAsync();

        var listed = await region.Directory.ListAsync();
        Assert.Equal(["worker-alive"], listed.Select(w => w.Registration.WorkerId));
        Assert.Empty(await region.Directory.GetRtpCallsAsync("worker-silent"));
        var next = await region.Directory.ReserveMedia("call_" + Guid.NewGuid().ToString("N"), "rtp");
        Assert.Equal(("worker-alive", alive.RtpPort), (next!.WorkerId, next.RtpPort!.Value));

        // The silent worker comes back: the directory no longer knows it, so it registers again, and
        // the call it lost is no longer assigned to it, so it closes that call's port.
        await silent.BeatAsync();
        Assert.False(silent.Relays.TryGet(callId, out _), "the dropped call's port was closed");
        var back = (await region.Directory.ListAsync()).Single(w => w.Registration.WorkerId == "worker-silent");
        Assert.Equal(0, back.ReservedPorts);

        // A worker that stops cleanly leaves the directory at once.
        await alive.DisposeAsync();
        Assert.DoesNotContain(await region.Directory.ListAsync(), w => w.Registration.WorkerId == "worker-alive");
    }
}
