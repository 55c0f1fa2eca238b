using System.Text;
using PciCloud.MaskingWorker.Tests.Support;
using PciCloud.MaskingWorker.WebSockets;

namespace PciCloud.MaskingWorker.Tests.WebSockets;

/// <summary>
/// The steady-state media frame path of a WebSocket stream allocates nothing per frame. Run alone:
/// a metrics listener that another test's host might enable meanwhile would record on this thread.
/// </summary>
[Collection(nameof(WebSocketMediaStreamAllocationTests))]
[CollectionDefinition(nameof(WebSocketMediaStreamAllocationTests), DisableParallelization = true)]
public sealed class WebSocketMediaStreamAllocationTests
{
    private const int WarmUpFrames = 100;
    private const int MeasuredFrames = 1000;

    [Fact]
    public async Task RunAsync_MediaFramesAfterWarmUp_AllocateNothing()
    {
        await using var harness = new WebSocketStreamHarness();
        var frames = WebSocketStreamHarness.SpeechFrames(WarmUpFrames + MeasuredFrames);
        long before = 0, after = 0;
        var socket = new ScriptedWebSocket([WebSocketStreamHarness.Utf8(WebSocketStreamHarness.StartFrame), .. frames], keepSent: false)
        {
            BeforeReceive = next =>
            {
                if (next == 1 + WarmUpFrames)
                {
                    before = GC.GetAllocatedBytesForCurrentThread();
                }
                else if (next == 1 + WarmUpFrames + MeasuredFrames)
                {
                    after = GC.GetAllocatedBytesForCurrentThread();
                }
            },
        };

        await harness.Stream(socket).RunAsync(TestContext.Current.CancellationToken);

        Assert.Equal(WarmUpFrames + MeasuredFrames, socket.SentCount);
        Assert.True(after - before == 0, $"{after - before} bytes allocated for {MeasuredFrames} frames ({(double)(after - before) / MeasuredFrames:F1} B/frame)");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Handle_MediaFramesAfterWarmUp_AllocateNothing(bool escapedPayload)
    {
        await using var harness = new WebSocketStreamHarness();
        var handler = new TwilioFrameHandler(harness.Session, harness.Parts.Metrics);
        var frames = WebSocketStreamHarness.SpeechFrames(WarmUpFrames + MeasuredFrames);
        if (escapedPayload)
        {
            // A client that escapes '/' and '+' the way System.Text.Json does by default.
            frames = [.. frames.Select(f => WebSocketStreamHarness.Utf8(Encoding.UTF8.GetString(f).Replace("/", "\\/", StringComparison.Ordinal).Replace("+", "\\u002B", StringComparison.Ordinal)))];
        }

        Assert.Equal(TwilioVerdict.Continue, handler.Handle(WebSocketStreamHarness.Utf8(WebSocketStreamHarness.StartFrame), out _));
        var sentBytes = 0L;
        for (var i = 0; i < WarmUpFrames; i++)
        {
            Assert.Equal(TwilioVerdict.Continue, handler.Handle(frames[i], out var reply));
            sentBytes += reply.Length;
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = WarmUpFrames; i < frames.Count; i++)
        {
            var verdict = handler.Handle(frames[i], out var reply);
            sentBytes += verdict == TwilioVerdict.Continue ? reply.Length : -1_000_000;
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.True(sentBytes > frames.Count * 160, $"{sentBytes} bytes answered");
        Assert.True(allocated == 0, $"{allocated} bytes allocated for {MeasuredFrames} frames ({(double)allocated / MeasuredFrames:F1} B/frame)");
    }
}
