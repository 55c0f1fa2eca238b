using PciCloud.Media.Masking;

namespace PciCloud.Media.Tests.Masking;

public sealed class PendingMaskSpansTests
{
    [Fact]
    public void Mark_TouchingOrOverlapping_MergesIntoOneSpan()
    {
        var spans = new PendingMaskSpans();
        spans.Mark(100, 200);
        spans.Mark(200, 250);
        spans.Mark(150, 300);

        Assert.Equal(new[] { (100L, 300L) }, Drain(spans));
    }

    [Fact]
    public void Mark_ApartInOrder_KeepsSeparateSpans()
    {
        var spans = new PendingMaskSpans();
        spans.Mark(100, 200);
        spans.Mark(300, 400);

        Assert.Equal(new[] { (100L, 200L), (300L, 400L) }, Drain(spans));
    }

    [Fact]
    public void Mark_StartingBeforeThePendingSpans_CoversEverythingFromItsStart()
    {
        // Forced masking at the output position while a tone ahead is already marked: nothing from the
        // forced start onwards may pass, so the spans merge, the gap between them included.
        var spans = new PendingMaskSpans();
        spans.Mark(500, 600);
        spans.Mark(700, 800);
        spans.Mark(450, 520);

        Assert.Equal(new[] { (450L, 800L) }, Drain(spans));
    }

    [Fact]
    public void Mark_BeyondCapacity_TheNewestSpanAbsorbsTheGap()
    {
        var spans = new PendingMaskSpans();
        for (var i = 0; i < 9; i++)
        {
            spans.Mark(i * 100, (i * 100) + 10);
        }

        var drained = Drain(spans);
        Assert.Equal(8, drained.Count);
        Assert.Equal((700L, 810L), drained[^1]);
    }

    [Fact]
    public void Mark_EmptyOrReversed_IsIgnored()
    {
        var spans = new PendingMaskSpans();
        spans.Mark(100, 100);
        spans.Mark(200, 150);

        Assert.True(spans.IsEmpty);
    }

    private static List<(long Start, long End)> Drain(PendingMaskSpans spans)
    {
        var drained = new List<(long, long)>();
        while (!spans.IsEmpty)
        {
            var span = spans.PopFront();
            drained.Add((span.StartSample, span.StartSample + span.LengthSamples));
        }

        return drained;
    }
}
