using System.Net;
using Microsoft.Extensions.DependencyInjection;
using PciCloud.MaskingWorker.Streams;
using PciCloud.MaskingWorker.Tests.Support;

namespace PciCloud.MaskingWorker.Tests.Region;

/// <summary>
/// Issue 15, part 2a: from the capture request on, the worker's masker is in its sensitive (fail-closed) mode,
/// before any key press: the payment session tells the CallGrain, the CallGrain tells the worker's observer.
/// The real grains in a silo, the real worker as an Orleans client, RTP over loopback.
/// </summary>
public sealed class CaptureSensitivityEndToEndTests
{
    [Fact]
    public async Task CaptureRequest_PutsTheWorkersMaskerInSensitiveMode_UntilTheSessionEnds()
    {
        await using var region = await RegionSilo.StartAsync();
        await using var worker = await ConnectedWorker.StartAsync(region, "worker-a", TimeSpan.FromMilliseconds(200));
        using var phone = new UdpPeer();
        using var agent = new UdpPeer();
        var callId = "call_" + Guid.NewGuid().ToString("N");
        var (call, reservation) = await RegionCalls.StartRtpCallAsync(region, callId, "PCMU", agent.EndPoint, null);
        await Waiting.UntilAsync(() => Task.FromResult(worker.Relays.TryGet(callId, out _)), "the worker to open the call's port");
        var stream = new RtpStream(0);
        var to = new IPEndPoint(IPAddress.Loopback, reservation.RtpPort!.Value);
        var sent = 0L;
        var sessions = worker.App.Services.GetRequiredService<MediaSessionRegistry>();
        // The masker takes a change before its next frame: keep audio flowing while waiting.
        async Task<bool> SensitiveAsync()
        {
            await phone.SendAllAsync([stream.Audio(new byte[160].AsSpan(), sent)], to);
            sent += 160;
            return sessions.TryGet(callId, out var s) && s.Audio.HoldsSensitive;
        }

        await Waiting.UntilAsync(async () => !await SensitiveAsync() && sent > 160 * 10, "audio before any session");
        Assert.False(await SensitiveAsync());

        var session = await RegionCalls.OpenCapturingSessionAsync(region, call, callId);
        // Well within the 10 s renewal of the subscription: this is the push from the CallGrain, not a poll.
        await Waiting.UntilAsync(SensitiveAsync, "the masker to hold its sensitive mode after the capture request", TimeSpan.FromSeconds(8));

        await session.CancelAsync();
        await Waiting.UntilAsync(async () => !await SensitiveAsync(), "the masker to leave the held mode once the session ended", TimeSpan.FromSeconds(8));
        Assert.True(CallMediaSession.CaptureWatchRenewal > TimeSpan.FromSeconds(8));
    }
}
