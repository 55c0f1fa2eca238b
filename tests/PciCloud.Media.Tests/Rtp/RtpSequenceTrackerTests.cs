using PciCloud.Media.Rtp;

namespace PciCloud.Media.Tests.Rtp;

public sealed class RtpSequenceTrackerTests
{
    private const uint Ssrc = 0x1234;

    private static RtpSequenceTracker ValidTracker(ushort first)
    {
        var tracker = new RtpSequenceTracker();
        Assert.False(tracker.Update(Ssrc, first, out var result));
        Assert.Equal(RtpSequenceResult.SourceChanged, result);
        Assert.True(tracker.Update(Ssrc, (ushort)(first + 1), out result));
        Assert.Equal(RtpSequenceResult.InOrder, result);
        return tracker;
    }

    private static RtpSequenceResult Feed(RtpSequenceTracker tracker, ushort sequence)
    {
        tracker.Update(Ssrc, sequence, out var result);
        return result;
    }

    [Fact]
    public void Update_NewSource_NeedsMinSequentialPackets()
    {
        var tracker = new RtpSequenceTracker();
        Assert.False(tracker.Update(Ssrc, 100, out _));
        Assert.False(tracker.IsSourceValid);
        Assert.False(tracker.Update(Ssrc, 200, out var result)); // not sequential: probation restarts
        Assert.Equal(RtpSequenceResult.Probation, result);
        Assert.True(tracker.Update(Ssrc, 201, out result));
        Assert.Equal(RtpSequenceResult.InOrder, result);
        Assert.True(tracker.IsSourceValid);
        Assert.Equal(1, tracker.Received);
        Assert.Equal(1, tracker.Expected);
        Assert.Equal(2, tracker.ProbationPackets);
    }

    [Fact]
    public void Update_MinSequentialOne_FirstPacketIsValid()
    {
        var tracker = new RtpSequenceTracker(minSequential: 1);
        Assert.True(tracker.Update(Ssrc, 7, out var result));
        Assert.Equal(RtpSequenceResult.SourceChanged, result);
        Assert.True(tracker.IsSourceValid);
    }

    [Fact]
    public void Update_SequenceWraps_ExtendsTheSequenceNumber()
    {
        var tracker = ValidTracker(65533);
        Assert.Equal(RtpSequenceResult.InOrder, Feed(tracker, 65535));
        Assert.Equal(RtpSequenceResult.InOrder, Feed(tracker, 0));
        Assert.Equal(RtpSequenceResult.InOrder, Feed(tracker, 1));
        Assert.Equal(65537, tracker.ExtendedHighestSequence);
        Assert.Equal(4, tracker.Expected);
        Assert.Equal(4, tracker.Received);
        Assert.Equal(0, tracker.Lost);
    }

    [Fact]
    public void Update_GapThenLatePacketsAndDuplicates_ClassifiesEach()
    {
        var tracker = ValidTracker(10); // 10, 11
        Assert.Equal(RtpSequenceResult.AfterGap, Feed(tracker, 15));
        Assert.Equal(3, tracker.LastGap);
        Assert.Equal(3, tracker.Lost);
        Assert.Equal(RtpSequenceResult.Late, Feed(tracker, 13));
        Assert.Equal(2, tracker.Lost);
        Assert.Equal(RtpSequenceResult.Duplicate, Feed(tracker, 13));
        Assert.Equal(RtpSequenceResult.Duplicate, Feed(tracker, 15));
        Assert.Equal(RtpSequenceResult.Duplicate, Feed(tracker, 11));
        Assert.Equal(RtpSequenceResult.Late, Feed(tracker, 12));
        Assert.Equal(RtpSequenceResult.Late, Feed(tracker, 14));
        Assert.Equal(0, tracker.Lost);
        Assert.Equal(3, tracker.Duplicates);
        Assert.Equal(3, tracker.LatePackets);
        Assert.Equal(5, tracker.Received);
    }

    [Fact]
    public void Update_LatePacketAcrossTheWrap_IsLateNotANewCycle()
    {
        var tracker = ValidTracker(65534); // 65534, 65535
        Assert.Equal(RtpSequenceResult.AfterGap, Feed(tracker, 1)); // 0 missing
        Assert.Equal(RtpSequenceResult.Late, Feed(tracker, 0));
        Assert.Equal(65537, tracker.ExtendedHighestSequence);
        Assert.Equal(0, tracker.Lost);
    }

    [Fact]
    public void Update_LargeJump_DiscardedUnlessTheNextPacketFollowsIt()
    {
        var tracker = ValidTracker(1000);
        Assert.False(tracker.Update(Ssrc, 40000, out var result));
        Assert.Equal(RtpSequenceResult.BadJump, result);
        Assert.False(tracker.Update(Ssrc, 50000, out result)); // not 40001: still a bad jump
        Assert.Equal(RtpSequenceResult.BadJump, result);
        Assert.True(tracker.Update(Ssrc, 50001, out result));
        Assert.Equal(RtpSequenceResult.Resynchronized, result);
        Assert.Equal(RtpSequenceResult.InOrder, Feed(tracker, 50002));
        Assert.Equal(2, tracker.BadJumps);
        Assert.Equal(1, tracker.Resynchronizations);
        Assert.Equal(2, tracker.Received);
    }

    [Fact]
    public void Update_OlderThanMaxMisorder_IsABadJump()
    {
        var tracker = ValidTracker(1000); // max 1001
        Assert.Equal(RtpSequenceResult.Late, Feed(tracker, 902)); // 99 back: reordering
        Assert.Equal(RtpSequenceResult.BadJump, Feed(tracker, 800)); // 201 back
    }

    [Fact]
    public void Update_JustUnderMaxDropout_IsAGap()
    {
        var tracker = ValidTracker(0);
        Assert.Equal(RtpSequenceResult.AfterGap, Feed(tracker, 1 + 2999));
        Assert.Equal(RtpSequenceResult.BadJump, Feed(tracker, 3000 + 3000));
    }

    [Fact]
    public void Update_SsrcChange_RestartsTracking()
    {
        var tracker = ValidTracker(500);
        Assert.Equal(RtpSequenceResult.AfterGap, Feed(tracker, 510));
        Assert.False(tracker.Update(0x9999, 3, out var result));
        Assert.Equal(RtpSequenceResult.SourceChanged, result);
        Assert.Equal(0x9999u, tracker.Ssrc);
        Assert.Equal(1, tracker.SourceChanges);
        Assert.True(tracker.Update(0x9999, 4, out _));
        Assert.Equal(0, tracker.Lost);
        Assert.Equal(1, tracker.Received);
    }

    [Fact]
    public void Constructor_InvalidLimits_Throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new RtpSequenceTracker(maxDropout: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new RtpSequenceTracker(maxMisorder: 128));
        Assert.Throws<ArgumentOutOfRangeException>(() => new RtpSequenceTracker(minSequential: 0));
    }
}
