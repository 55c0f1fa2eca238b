using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using PciCloud.MaskingWorker.Calls;
using PciCloud.MaskingWorker.Tests.Support;
using PciCloud.Media.Codecs;

namespace PciCloud.MaskingWorker.Tests.Region;

/// <summary>
/// A worker told to stop (SIGTERM: the host's stop) drains: the directory sends it no new call, its
/// readiness fails at once, and its live call keeps flowing, masked, until the call ends; then it reports
/// the call's evidence and leaves.
/// </summary>
public sealed class DrainTests
{
    private const string Keyed = TestAudio.CardNumber;
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Stop_WithALiveCall_CallKeepsFlowingMaskedToItsEnd_NewCallsGoToTheOtherWorker_ThenItLeaves()
    {
        await using var region = await RegionSilo.StartAsync();
        string[] drainsAnHour = ["--MaskingWorker:DrainTimeout=01:00:00"];
        await using var a = await ConnectedWorker.StartAsync(region, "worker-a", TimeSpan.FromMilliseconds(200), drainsAnHour);
        using var agent = new UdpPeer();
        using var phone = new UdpPeer();
        var callId = "call_" + Guid.NewGuid().ToString("N");
        var (call, reservation) = await RegionCalls.StartRtpCallAsync(region, callId, "PCMU", agent.EndPoint, null);
        Assert.Equal("worker-a", reservation.WorkerId);
        await using var b = await ConnectedWorker.StartAsync(region, "worker-b", TimeSpan.FromMilliseconds(200));

        var packets = PhoneCall.Packets(new RtpStream(0), TestAudio.Encode(TestAudio.CardEntry(Keyed), G711Law.MuLaw), PhoneCall.CardEntryKeyPresses(Keyed), audio: true, events: false);
        await using var reference = new ProcessorHarness(AudioCodec.Pcmu);
        reference.FeedAll(packets);
        var half = packets.Count / 2;
        var port = new IPEndPoint(IPAddress.Loopback, reservation.RtpPort!.Value);
        await phone.SendAllAsync(packets.Take(half), port);

        // What SIGTERM does; the host's own deadline here is 90 s (not the hour), so a failure cannot hang the run.
        using var hostDeadline = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        var stopping = a.App.StopAsync(hostDeadline.Token);
        try
        {
            await Waiting.UntilAsync(async () => (await region.Directory.ListAsync()).Single(w => w.Registration.WorkerId == "worker-a").Draining, "the directory to know worker-a drains");
            Assert.False(await IsReadyAsync(a), "a draining worker is not ready");

            var next = await region.Directory.ReserveMedia("call_" + Guid.NewGuid().ToString("N"), "rtp");
            Assert.Equal("worker-b", next!.WorkerId);

            // The rest of the card entry, sent while the worker drains: all of it carried, masked.
            await phone.SendAllAsync(packets.Skip(half), port);
            await agent.ReceiveAsync(reference.Sent.Count, Timeout);
            Assert.False(stopping.IsCompleted, "the worker waits for its call");
            Assert.Equal("", TestAudio.DetectDigits(MaskingToneCheck.Timeline(agent.Received, G711Law.MuLaw)));
        }
        finally
        {
            await call.EndAsync(); // the call ends: the drain is over (also when an assertion failed, so the stop returns)
        }

        await stopping.WaitAsync(Timeout, TestContext.Current.CancellationToken);
        Assert.False(hostDeadline.IsCancellationRequested, "the drain ended with the call, not at the host's deadline");
        Assert.DoesNotContain(await region.Directory.ListAsync(), w => w.Registration.WorkerId == "worker-a");
        var report = (await call.GetMaskingSummaryAsync())!;
        Assert.Equal((Keyed.Length, 0), (report.KeyPressesMasked, report.Leaks));
    }

    /// <summary>/health answers 200; a worker that no longer listens is not ready either.</summary>
    private static async Task<bool> IsReadyAsync(ConnectedWorker worker)
    {
        using var http = new HttpClient { BaseAddress = new Uri(worker.App.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()) };
        try
        {
            return (await http.GetAsync("/health", TestContext.Current.CancellationToken)).StatusCode == HttpStatusCode.OK;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    [Fact]
    public async Task Stop_CallOutlivesTheDrainTimeout_IsCutWhenItRunsOut()
    {
        await using var region = await RegionSilo.StartAsync();
        await using var a = await ConnectedWorker.StartAsync(region, "worker-short", TimeSpan.FromMilliseconds(200), ["--MaskingWorker:DrainTimeout=00:00:01"]);
        using var agent = new UdpPeer();
        var callId = "call_" + Guid.NewGuid().ToString("N");
        await RegionCalls.StartRtpCallAsync(region, callId, "PCMU", agent.EndPoint, null);
        await Waiting.UntilAsync(() => Task.FromResult(a.Relays.TryGet(callId, out _)), "the worker to open the call's port");

        await a.App.StopAsync(CancellationToken.None).WaitAsync(Timeout, TestContext.Current.CancellationToken);
        Assert.Equal(0, a.Relays.Count);
    }
}
