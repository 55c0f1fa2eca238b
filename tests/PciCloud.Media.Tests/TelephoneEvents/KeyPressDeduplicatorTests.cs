using PciCloud.Media.TelephoneEvents;

namespace PciCloud.Media.Tests.TelephoneEvents;

public sealed class KeyPressDeduplicatorTests
{
    [Fact]
    public void TryAccept_SamePressInBandAndAsEvent_ReportedOnce()
    {
        var dedup = new KeyPressDeduplicator();
        Assert.True(dedup.TryAccept(new KeyPress('5', 8000, 640, KeyPressSource.Rfc4733)));
        Assert.False(dedup.TryAccept(new KeyPress('5', 8040, 560, KeyPressSource.InBand)));
        Assert.Equal(1, dedup.Accepted);
        Assert.Equal(1, dedup.Duplicates);
    }

    [Fact]
    public void TryAccept_WebSocketDtmfWithoutDuration_MatchesWithinTolerance()
    {
        var dedup = new KeyPressDeduplicator(toleranceSamples: 800);
        Assert.True(dedup.TryAccept(new KeyPress('#', 8000, 640, KeyPressSource.InBand)));
        Assert.False(dedup.TryAccept(new KeyPress('#', 8000 + 640 + 800, 0, KeyPressSource.WebSocketDtmf)));
        Assert.True(dedup.TryAccept(new KeyPress('#', 8000 + 640 + 801 + 1600, 0, KeyPressSource.WebSocketDtmf)));
    }

    [Fact]
    public void TryAccept_DifferentKeyOrFarApart_AreDistinct()
    {
        var dedup = new KeyPressDeduplicator(toleranceSamples: 400);
        Assert.True(dedup.TryAccept(new KeyPress('1', 0, 480, KeyPressSource.InBand)));
        Assert.True(dedup.TryAccept(new KeyPress('2', 0, 480, KeyPressSource.Rfc4733)));
        Assert.True(dedup.TryAccept(new KeyPress('1', 481 + 401, 480, KeyPressSource.Rfc4733)));
        Assert.Equal(3, dedup.Accepted);
    }

    [Fact]
    public void TryAccept_SameSourceTwice_NeverMerged()
    {
        // "55" typed quickly: two presses of one key, each seen by both sources.
        var dedup = new KeyPressDeduplicator();
        Assert.True(dedup.TryAccept(new KeyPress('5', 0, 400, KeyPressSource.InBand)));
        Assert.True(dedup.TryAccept(new KeyPress('5', 720, 400, KeyPressSource.InBand)));
        Assert.False(dedup.TryAccept(new KeyPress('5', 0, 400, KeyPressSource.Rfc4733)));
        Assert.False(dedup.TryAccept(new KeyPress('5', 720, 400, KeyPressSource.Rfc4733)));
        Assert.Equal(2, dedup.Accepted);
    }

    [Fact]
    public void TryAccept_ThreeSources_StillOnce()
    {
        var dedup = new KeyPressDeduplicator();
        Assert.True(dedup.TryAccept(new KeyPress('0', 100, 400, KeyPressSource.InBand)));
        Assert.False(dedup.TryAccept(new KeyPress('0', 90, 420, KeyPressSource.Rfc4733)));
        Assert.False(dedup.TryAccept(new KeyPress('0', 520, 0, KeyPressSource.WebSocketDtmf)));
    }

    [Fact]
    public void KeyPress_ToStringHidesTheKeyAndRejectsNegativeDuration()
    {
        Assert.DoesNotContain("9", new KeyPress('9', 1, 2, KeyPressSource.InBand).ToString(), StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => new KeyPress('9', 1, -1, KeyPressSource.InBand));
    }
}
