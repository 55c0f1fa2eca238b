using PciCloud.Grains.Calls;

namespace PciCloud.Region.Tests.Grains;

public sealed class KeyPressWindowTests
{
    [Fact]
    public void TryDeliver_InOrder_NothingSkipped_RetryIsADuplicate()
    {
        var window = new KeyPressWindow();
        for (var sequence = 1; sequence <= 200; sequence++)
        {
            Assert.True(window.TryDeliver(sequence, out var skipped));
            Assert.Equal(0, skipped);
            Assert.False(window.TryDeliver(sequence, out _));
        }
    }

    [Fact]
    public void TryDeliver_AfterAGap_CountsTheSkippedOnes_OnceOnly()
    {
        var window = new KeyPressWindow();
        Assert.True(window.TryDeliver(1, out _));
        Assert.True(window.TryDeliver(4, out var skipped));
        Assert.Equal(2, skipped);
        Assert.False(window.TryDeliver(3, out _)); // already counted as lost
        Assert.False(window.TryMarkLost(2));
        Assert.True(window.TryDeliver(5, out skipped));
        Assert.Equal(0, skipped);
    }

    [Fact]
    public void TryMarkLost_ThenTheGapShowsIt_CountedOnce()
    {
        var window = new KeyPressWindow();
        Assert.True(window.TryDeliver(1, out _));
        Assert.True(window.TryMarkLost(2)); // the worker's report came first
        Assert.False(window.TryMarkLost(2));
        Assert.True(window.TryDeliver(3, out var skipped));
        Assert.Equal(0, skipped);
    }

    [Fact]
    public void TryMarkLost_AheadOfDeliveries_LeavesTheOnesInBetweenOpen()
    {
        var window = new KeyPressWindow();
        Assert.True(window.TryMarkLost(3));
        Assert.True(window.TryDeliver(1, out var skipped)); // still on its way when the report came: routed
        Assert.Equal(0, skipped);
        Assert.True(window.TryDeliver(2, out _));
        Assert.False(window.TryDeliver(3, out _));
    }

    [Fact]
    public void State_IsBounded_OlderThanTheWindowIsADuplicate_AHugeJumpCountsAtMostMaxGap()
    {
        var window = new KeyPressWindow();
        Assert.True(window.TryDeliver(1, out _));
        Assert.True(window.TryDeliver(1_000_000_000_000, out var skipped));
        Assert.Equal(KeyPressWindow.MaxGap, skipped);
        Assert.False(window.TryDeliver(1_000_000_000_000 - 64, out _));
        Assert.True(window.TryDeliver(1_000_000_000_001, out skipped));
        Assert.Equal(0, skipped);
    }
}
