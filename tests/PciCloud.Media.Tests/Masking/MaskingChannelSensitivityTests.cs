using PciCloud.Media.Dtmf;
using PciCloud.Media.Masking;

namespace PciCloud.Media.Tests.Masking;

/// <summary>
/// After a key press (in band or signalled) and after a discontinuity the masker is sensitive: it also masks
/// tones that speech covers or that arrive chopped, which it would not take as evidence on ordinary speech.
/// </summary>
public sealed class MaskingChannelSensitivityTests
{
    private const int SecondToneStart = 4000; // 500 ms
    private const int SecondToneLength = 800;

    [Fact]
    public void ProcessFrame_ToneUnderLoudSpeechAfterAKeyPress_MaskedWhole()
    {
        var input = KeyThenCoveredKey();
        var channel = new MaskingChannel(new MaskingOptions());

        MaskerRun.Pcm(input, channel);

        var spans = MaskedSpans(channel);
        Assert.True(Covers(spans, SecondToneStart, SecondToneStart + SecondToneLength), Describe(spans));
    }

    [Theory]
    [InlineData(40, false)]
    [InlineData(60, true)]
    public void ProcessFrame_ToneUnderLoudSpeechWithNoKeyPressBefore_CoveredWholeOnlyAtTheDefaultLookahead(int lookaheadMs, bool coveredWhole)
    {
        // The same covered tone with no key press before it and sensitivity off: ordinary evidence comes 30-40 ms
        // into the tone. At 40 ms of look-ahead its onset has already gone out (which is why the sensitive mode
        // exists); the default 60 ms still reaches back to it (which is why the default is 60 ms).
        var input = KeyThenCoveredKey();
        input.AsSpan(0, SecondToneStart - 800).Clear();
        var channel = new MaskingChannel(new MaskingOptions { SensitiveAfterKeyPressMilliseconds = 0, LookaheadMilliseconds = lookaheadMs });

        MaskerRun.Pcm(input, channel);

        var spans = MaskedSpans(channel);
        Assert.True(coveredWhole == Covers(spans, SecondToneStart, SecondToneStart + SecondToneLength), Describe(spans));
        Assert.Equal(60, new MaskingOptions().LookaheadMilliseconds);
    }

    [Fact]
    public void HoldSensitive_WithNoKeyPressBefore_ToneUnderLoudSpeechMaskedWholeEvenAt40msLookahead()
    {
        // Issue 15: while a payment session captures a field, the first key press meets the sensitive mode too.
        // The same input as above, at the 40 ms look-ahead where the normal mode lets the onset out.
        var input = KeyThenCoveredKey();
        input.AsSpan(0, SecondToneStart - 800).Clear();
        var held = new MaskingChannel(new MaskingOptions { SensitiveAfterKeyPressMilliseconds = 0, LookaheadMilliseconds = 40 });
        var normal = new MaskingChannel(new MaskingOptions { SensitiveAfterKeyPressMilliseconds = 0, LookaheadMilliseconds = 40 });

        held.HoldSensitive(true);
        MaskerRun.Pcm(input, held);
        MaskerRun.Pcm(input, normal);

        var (heldSpans, normalSpans) = (MaskedSpans(held), MaskedSpans(normal));
        Assert.True(Covers(heldSpans, SecondToneStart, SecondToneStart + SecondToneLength), Describe(heldSpans));
        Assert.False(Covers(normalSpans, SecondToneStart, SecondToneStart + SecondToneLength), Describe(normalSpans));
    }

    [Fact]
    public void HoldSensitive_Off_LeavesTheUsualHoldAfterAKeyPress()
    {
        // Turning the hold off counts as a key press: the SensitiveAfterKeyPressMilliseconds hold follows it.
        var input = KeyThenCoveredKey();
        input.AsSpan(0, SecondToneStart - 800).Clear();
        var channel = new MaskingChannel(new MaskingOptions { LookaheadMilliseconds = 40 });

        channel.HoldSensitive(true);
        channel.ProcessFrame(input.AsSpan(0, 160), new short[160]);
        channel.HoldSensitive(false);
        MaskerRun.Pcm(input[160..], channel);

        var spans = MaskedSpans(channel);
        Assert.True(Covers(spans, SecondToneStart, SecondToneStart + SecondToneLength), Describe(spans));
    }

    [Fact]
    public void ForceMask_ASignalledKeyPress_MakesTheMaskerSensitive()
    {
        var input = KeyThenCoveredKey();
        input.AsSpan(0, SecondToneStart - 800).Clear();
        var channel = new MaskingChannel(new MaskingOptions());
        var output = new short[160];

        channel.ForceMask(true);
        channel.ProcessFrame(input.AsSpan(0, 160), output);
        channel.ForceMask(false);
        MaskerRun.Pcm(input[160..], channel);

        var spans = MaskedSpans(channel);
        Assert.True(Covers(spans, SecondToneStart, SecondToneStart + SecondToneLength), Describe(spans));
    }

    [Fact]
    public void Discontinuity_ChoppedRepeatedToneChunks_AllMasked()
    {
        // What bit-flipped copies of tone packets look like once the worker takes them as new sources: the
        // same 20 ms chunk again and again, truncated copies, phase jumps, a 10 ms gap at the start.
        var tone = Signals.Key('4', onMs: 100, lead: 0, tail: 0);
        var chunk = Signals.Concat(Signals.Silence(10), tone[..80]);
        var lengths = new[] { 160, 160, 53, 160, 6, 160, 160, 66, 160, 45, 160, 160 };
        var parts = new List<short[]> { Signals.Silence(300) };
        var toneStart = 2400;
        foreach (var length in lengths)
        {
            parts.Add(chunk[..Math.Min(length, 160)]);
            chunk = tone[80..240];
        }

        parts.Add(Signals.Silence(300));
        var toneEnd = parts.Take(parts.Count - 1).Sum(p => p.Length);
        var channel = new MaskingChannel(new MaskingOptions());
        var masked = new short[160];
        foreach (var part in parts)
        {
            channel.Discontinuity();
            for (var at = 0; at < part.Length; at += 160)
            {
                var frame = part.AsSpan(at, Math.Min(160, part.Length - at));
                channel.ProcessFrame(frame, masked.AsSpan(0, frame.Length));
            }
        }

        MaskerRun.Pcm(Signals.Silence(100), channel); // flushes the look-ahead

        var spans = MaskedSpans(channel);
        Assert.True(Covers(spans, toneStart + 80, toneEnd), Describe(spans));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(60_001)]
    public void Constructor_SensitiveTimeOutOfRange_Throws(int milliseconds) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new MaskingChannel(new MaskingOptions { SensitiveAfterKeyPressMilliseconds = milliseconds }));

    /// <summary>A clean '1', then a '5' under a vowel louder than the tone pair.</summary>
    private static short[] KeyThenCoveredKey()
    {
        var first = Signals.Key('1', onMs: 100, lead: 250, tail: 150);
        var second = Signals.Key('5', onMs: 100, lead: 0, tail: 300);
        var vowel = Signals.Vowel(600, pitchHz: 140, formant1: 500, formant2: 2400, levelDbm0: -1, seed: 4);
        var mix = new short[second.Length];
        for (var i = 0; i < mix.Length; i++)
        {
            mix[i] = (short)Math.Clamp(second[i] + (i < vowel.Length ? vowel[i] : 0), short.MinValue, short.MaxValue);
        }

        return Signals.Concat(first, mix);
    }

    private static List<MaskedSpan> MaskedSpans(MaskingChannel channel)
    {
        var spans = new List<MaskedSpan>();
        while (channel.TryReadMaskedSpan(out var span))
        {
            spans.Add(span);
        }

        return spans;
    }

    private static bool Covers(List<MaskedSpan> spans, long from, long to) =>
        spans.Any(s => s.StartSample <= from && s.StartSample + s.LengthSamples >= to);

    private static string Describe(List<MaskedSpan> spans) =>
        "masked: " + string.Join(", ", spans.Select(s => $"{s.StartSample}+{s.LengthSamples}"));
}
