using Microsoft.Extensions.Time.Testing;
using PciCloud.MaskingWorker.Calls;
using PciCloud.MaskingWorker.Streams;
using PciCloud.MaskingWorker.Tests.Support;

namespace PciCloud.MaskingWorker.Tests.Streams;

/// <summary>Issue 13 part 5: a leak check that throws or falls behind never leaves a clean "leaks: 0".</summary>
public sealed class LeakCheckFailsClosedTests
{
    private const int Frame = 160; // 20 ms at 8 kHz

    [Fact]
    public async Task LeakCheckThrows_OnSomeFrames_EvidenceNotVerifiedAndListsThatStretch()
    {
        var check = new ScriptedLeakCheck(call => call is >= 10 and < 15 ? throw new InvalidOperationException("check broke") : 0);
        await using var parts = new WorkerParts(AudioCodec.Pcmu, leakCheck: check);

        Feed(parts, frames: 50);

        var summary = parts.Audio.Evidence.Snapshot();
        Assert.False(summary.Verified);
        Assert.Equal(0, summary.Leaks);
        Assert.Equal([new MaskedSpanMs(200, 100)], summary.Unchecked);
        Assert.Equal(100, summary.UncheckedMs);
        Assert.Equal(100, parts.Metrics.UncheckedMs);
        Assert.Equal(50, check.Calls); // the check is tried again on every frame: it covers the rest
    }

    [Fact]
    public async Task LeakCheckSlowerThanAudio_FallsBehind_StretchUncheckedUntilItCaughtUp()
    {
        var time = new FakeTimeProvider();
        // The first 10 frames cost the check 50 ms each (20 ms of audio): 30 ms more than the audio every frame.
        var check = new ScriptedLeakCheck(call =>
        {
            time.Advance(TimeSpan.FromMilliseconds(call < 10 ? 50 : 1));
            return 0;
        });
        await using var parts = new WorkerParts(AudioCodec.Pcmu, leakCheck: check, time: time);

        Feed(parts, frames: 60);

        // 7 checked frames put it 210 ms behind (past the 200 ms bound): frames 7-17 (140 ms on, 220 ms of
        // audio) go unchecked while the backlog is paid back; then the check runs again and keeps up.
        var summary = parts.Audio.Evidence.Snapshot();
        Assert.False(summary.Verified);
        Assert.Equal([new MaskedSpanMs(140, 220)], summary.Unchecked);
        Assert.Equal(60 - 11, check.Calls);
        Assert.Equal(220, parts.Metrics.UncheckedMs);
    }

    [Fact]
    public async Task LeakCheckKeepsUp_EvidenceVerifiedWithNothingUnchecked()
    {
        var time = new FakeTimeProvider();
        var check = new ScriptedLeakCheck(_ =>
        {
            time.Advance(TimeSpan.FromMilliseconds(19));
            return 0;
        });
        await using var parts = new WorkerParts(AudioCodec.Pcmu, leakCheck: check, time: time);

        Feed(parts, frames: 200);

        var summary = parts.Audio.Evidence.Snapshot();
        Assert.True(summary.Verified);
        Assert.Empty(summary.Unchecked);
        Assert.Equal(200, check.Calls);
    }

    private static void Feed(WorkerParts parts, int frames)
    {
        var input = new byte[Frame];
        Array.Fill(input, Media.Codecs.MuLaw.Silence);
        var output = new byte[Frame];
        for (var i = 0; i < frames; i++)
        {
            parts.Audio.Process(input, output);
        }
    }

    private sealed class ScriptedLeakCheck(Func<int, int> onObserve) : IOutputLeakCheck
    {
        public int Calls { get; private set; }

        public int Observe(ReadOnlySpan<byte> g711In, ReadOnlySpan<byte> g711Out) => onObserve(Calls++);

        public int Flush() => 0;
    }
}
