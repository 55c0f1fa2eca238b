using System.Diagnostics;
using System.Net;
using PciCloud.MaskingWorker.Rtp;

namespace PciCloud.MaskingWorker.Tests.Rtp;

/// <summary>The bounds on where a call's RTP may come from (RFC 3550 section 8.2), without sockets.</summary>
public sealed class RtpSourceGuardTests
{
    private const long Start = 1_000_000;
    private static readonly long Window = Stopwatch.Frequency * 10;
    private static readonly IPEndPoint Customer = IPEndPoint.Parse("203.0.113.10:31000");
    private static readonly IPEndPoint CustomerMoved = IPEndPoint.Parse("203.0.113.10:31500");
    private static readonly IPEndPoint Attacker = IPEndPoint.Parse("198.51.100.66:40000");
    private static readonly IPEndPoint AttackerSameHost = IPEndPoint.Parse("203.0.113.10:40000");

    [Fact]
    public void NoExpectedSource_FirstSourceInTheWindow_IsLearned_OthersAreDropped()
    {
        var guard = new RtpSourceGuard(null, Start, Window);
        Assert.True(Take(guard, Customer, ssrc: 7, sequence: 100, at: Start + 1));
        Assert.False(guard.Admits(Attacker.Serialize(), 99, 5, Start + 2));
        Assert.True(guard.Admits(Customer.Serialize(), 7, 101, Start + 3));
    }

    [Fact]
    public void NoExpectedSource_FirstPacketAfterTheWindow_IsNeverLearned()
    {
        var guard = new RtpSourceGuard(null, Start, Window);
        Assert.False(guard.Admits(Attacker.Serialize(), 99, 5, Start + Window + 1));
        Assert.Null(guard.Source);
    }

    [Theory]
    [InlineData(7u, (ushort)101, true)]   // the next packet of the same stream: a NAT rebinding, taken
    [InlineData(7u, (ushort)164, true)]   // a few packets lost on the way
    [InlineData(7u, (ushort)165, false)]  // too far ahead to be the same stream continuing
    [InlineData(7u, (ushort)100, false)]  // a repeat of the last
    [InlineData(7u, (ushort)90, false)]   // behind the last
    [InlineData(8u, (ushort)101, false)]  // another stream
    public void LearnedSource_MovesOnlyWithTheStreamsContinuity(uint ssrc, ushort sequence, bool moves)
    {
        var guard = new RtpSourceGuard(null, Start, Window);
        Take(guard, Customer, 7, 100, Start + 1);
        var later = Start + (Window * 5); // long after the learning window
        Assert.Equal(moves, guard.Admits(CustomerMoved.Serialize(), ssrc, sequence, later));
        if (moves)
        {
            Assert.True(guard.Accepted(CustomerMoved.Serialize(), ssrc, sequence));
            Assert.False(guard.Admits(Customer.Serialize(), 7, sequence, later), "the old address is not taken back without continuity");
        }
    }

    [Fact]
    public void ExpectedAddressAndPort_OnlyThatSource_NothingLearnedOrMoved()
    {
        var guard = new RtpSourceGuard(Customer, Start, Window);
        Assert.True(guard.ExpectedSourceKnown);
        Assert.False(guard.Admits(AttackerSameHost.Serialize(), 7, 100, Start + 1));
        Assert.True(Take(guard, Customer, 7, 100, Start + 1));
        Assert.False(guard.Admits(CustomerMoved.Serialize(), 7, 101, Start + 2), "even with continuity: the source is known");
        Assert.True(guard.Admits(Customer.Serialize(), 7, 101, Start + Window + Window));
    }

    [Fact]
    public void ExpectedAddressOnly_PortIsLearnedFromThatAddressOnly()
    {
        var guard = new RtpSourceGuard(new IPEndPoint(Customer.Address, 0), Start, Window);
        Assert.False(guard.ExpectedSourceKnown);
        Assert.False(guard.Admits(Attacker.Serialize(), 7, 100, Start + 1));
        Assert.True(Take(guard, Customer, 7, 100, Start + 2));
        Assert.False(guard.Admits(AttackerSameHost.Serialize(), 99, 1, Start + 3));
        Assert.False(guard.Admits(Attacker.Serialize(), 7, 101, Start + 3), "continuity does not lift the address");
    }

    private static bool Take(RtpSourceGuard guard, IPEndPoint from, uint ssrc, ushort sequence, long at)
    {
        Assert.True(guard.Admits(from.Serialize(), ssrc, sequence, at));
        return guard.Accepted(from.Serialize(), ssrc, sequence);
    }
}
