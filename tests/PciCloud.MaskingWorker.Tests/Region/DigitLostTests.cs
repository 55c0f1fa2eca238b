using System.Net;
using Microsoft.Extensions.DependencyInjection;
using PciCloud.MaskingWorker.Calls;
using PciCloud.MaskingWorker.Region;
using PciCloud.MaskingWorker.Tests.Support;

namespace PciCloud.MaskingWorker.Tests.Region;

/// <summary>
/// A key press the worker detected (and masked) but could not deliver reaches the session as
/// "a key press may have been missed": through the gap the next delivery shows, or, when none
/// follows, through the worker's next masking report. Real worker, real silo, real grains.
/// </summary>
public sealed class DigitLostTests
{
    private const string Keyed = TestAudio.CardNumber;
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Theory]
    [InlineData(3)] // a later key press shows the gap
    [InlineData(16)] // the last one (TestAudio.CardNumber has 16 digits): only the masking report can tell
    public async Task OneDeliveryDropped_SessionCountsADigitLost_MaskingReportToo(int droppedSequence)
    {
        await using var region = await RegionSilo.StartAsync();
        await using var worker = await ConnectedWorker.StartAsync(region, "worker-a", TimeSpan.FromMilliseconds(200), services: s =>
            s.AddSingleton<ICallGateway>(sp => new DroppingCallGateway(
                new OrleansCallGateway(sp.GetRequiredService<IClusterClient>()), new HashSet<long> { droppedSequence })));

        using var phone = new UdpPeer();
        using var agent = new UdpPeer();
        var callId = "call_" + Guid.NewGuid().ToString("N");
        var (call, reservation) = await RegionCalls.StartRtpCallAsync(region, callId, "PCMU", agent.EndPoint, null);
        var session = await RegionCalls.OpenCapturingSessionAsync(region, call, callId);
        await Waiting.UntilAsync(() => Task.FromResult(worker.Relays.TryGet(callId, out _)), "the worker to open the call's port");

        var packets = PhoneCall.Packets(new RtpStream(0), TestAudio.Encode(TestAudio.Silence(TestAudio.CardEntry(Keyed).Length / 8), Media.Codecs.G711Law.MuLaw),
            PhoneCall.CardEntryKeyPresses(Keyed), audio: true, events: true, audioDuringKeyPresses: false);
        await phone.SendAllAsync(packets, new IPEndPoint(IPAddress.Loopback, reservation.RtpPort!.Value));

        // Every other key press reaches the session (deliveries trail the masking report), and one is counted lost.
        var view = await RegionCalls.WaitForSessionAsync(session, v => v.DigitsLost > 0 && v.Fields["card_number"].Length == Keyed.Length - 1, Timeout);
        await Waiting.UntilAsync(async () => await call.GetMaskingSummaryAsync() is { DigitsLost: 1 } s && s.KeyPressesMasked == Keyed.Length,
            "the masking report of every key press, one of them lost");
        var number = view.Fields["card_number"];
        Assert.Equal((Keyed.Length - 1, "capturing", 1), (number.Length, number.State, view.DigitsLost));
        Assert.Equal(1, worker.Metrics.DigitsLost);

        // The agent does what the page says: reset the field and ask again.
        Assert.True((await session.ResetAsync("card_number")).Ok);
        Assert.Equal(0, (await session.GetAsync())!.DigitsLost);
    }
}
