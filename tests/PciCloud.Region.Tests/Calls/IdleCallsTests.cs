using System.Net;
using PciCloud.Contracts.Calls;
using PciCloud.Contracts.Media;
using PciCloud.Region.Tests.Infrastructure;

namespace PciCloud.Region.Tests.Calls;

/// <summary>Issue 13 part 3: calls without media end by themselves, release their port, and say why.</summary>
public sealed class IdleCallsTests(MediaClockRegion region) : IClassFixture<MediaClockRegion>
{
    [Fact]
    public async Task CallNeverUsed_PastUnusedTimeout_EndsItselfReleasesPortReasonUnused()
    {
        var callId = await NewRtpCallAsync();
        Assert.Contains(callId, await RtpCallsAsync());

        region.Clock.Advance(TimeSpan.FromSeconds(121)); // default unusedTimeoutSeconds: 120

        var row = await EndedRowAsync(callId);
        Assert.Equal("unused", row.EndReason);
        Assert.DoesNotContain(callId, await RtpCallsAsync());
    }

    [Fact]
    public async Task MediaThenSilence_PastIdleTimeout_EndsItselfReasonIdle()
    {
        var callId = await NewRtpCallAsync();
        var call = region.Grains.GetGrain<ICallGrain>(callId);
        await call.ReportMaskingSummary(new MaskingSummary(0, [], 0, 0, []) { AudioMs = 20 });
        region.Clock.Advance(TimeSpan.FromSeconds(300));
        await call.ReportMaskingSummary(new MaskingSummary(0, [], 0, 0, []) { AudioMs = 10_000 }); // media still flowing

        region.Clock.Advance(TimeSpan.FromSeconds(601)); // default idleTimeoutSeconds: 600 since the last audio

        var row = await EndedRowAsync(callId);
        Assert.Equal("idle", row.EndReason);
        Assert.DoesNotContain(callId, await RtpCallsAsync());
    }

    [Fact]
    public async Task CallEndedThroughApi_ReasonRequested()
    {
        var callId = await NewRtpCallAsync();

        Assert.Equal(HttpStatusCode.OK, (await region.ClientWithKey(RegionApplication.KeyA).PostJsonAsync($"/v1/calls/{callId}/end", new { })).StatusCode);

        Assert.Equal("requested", (await region.Grains.GetGrain<ICallGrain>(callId).GetReportRowAsync())!.EndReason);
    }

    private async Task<string> NewRtpCallAsync()
    {
        var created = await region.ClientWithKey(RegionApplication.KeyA).PostJsonAsync(
            "/v1/calls", new { media = new { transport = "rtp", codec = "PCMU", forwardTo = "127.0.0.1:5004" } });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (string)(await created.BodyAsync())["id"]!;
    }

    private async Task<CallReportRow> EndedRowAsync(string callId)
    {
        var call = region.Grains.GetGrain<ICallGrain>(callId);
        await Waiting.UntilAsync(async () => (await call.GetAsync())!.Status == CallView.Ended, "the call to end by itself");
        return (await call.GetReportRowAsync())!;
    }

    private Task<IReadOnlyList<string>> RtpCallsAsync() =>
        region.Grains.GetGrain<IMediaWorkerDirectoryGrain>(IMediaWorkerDirectoryGrain.Key).GetRtpCallsAsync("worker-1");
}
