using PciCloud.Media.Evidence;

namespace PciCloud.Media.Tests.Evidence;

public sealed class ReferencedLeakCheckTests
{
    private const string AllKeys = "0123456789*#ABCD";
    private const string Card = "4111111111111111";
    private const int Delay = 320; // a 40 ms look-ahead

    /// <summary>Feeds input and output in 20 ms steps, the output lagging by <paramref name="delay"/>.</summary>
    private static ReferencedLeakCheck Run(short[] input, short[] output, int delay = Delay, OutputLeakDetectorOptions? options = null)
    {
        var check = new ReferencedLeakCheck(delay, options);
        var delayed = new short[output.Length + delay];
        output.CopyTo(delayed, delay);
        for (var i = 0; i < delayed.Length; i += 160)
        {
            if (i < input.Length)
            {
                check.ProcessInput(input.AsSpan(i, Math.Min(160, input.Length - i)));
            }

            check.ProcessOutput(delayed.AsSpan(i, Math.Min(160, delayed.Length - i)));
        }

        check.Complete();
        return check;
    }

    [Fact]
    public void Unmasked_EveryKeyIsOneLeak()
    {
        var audio = TestSignals.ToPcm(new CardEntry(AllKeys, 60, 60, -10).Signal);
        var check = Run(audio, audio);
        Assert.Equal(AllKeys.Length, check.InputToneSpans);
        Assert.Equal(AllKeys.Length, check.Leaks);
    }

    [Fact]
    public void ReturnedCounts_AddUpToLeaks()
    {
        var audio = TestSignals.ToPcm(new CardEntry(Card, 60, 60, -10).Signal);
        var check = new ReferencedLeakCheck(0);
        var reported = 0;
        for (var i = 0; i < audio.Length; i += 160)
        {
            var chunk = audio.AsSpan(i, Math.Min(160, audio.Length - i));
            reported += check.ProcessInput(chunk);
            reported += check.ProcessOutput(chunk);
        }

        reported += check.Complete();
        Assert.Equal(Card.Length, check.Leaks);
        Assert.Equal(check.Leaks, reported);
    }

    [Fact]
    public void PerfectMask_NoLeak()
    {
        var entry = new CardEntry(Card, 70, 70, -5);
        var check = Run(TestSignals.ToPcm(entry.Signal), entry.Masked(CardEntry.Zero));
        Assert.Equal(Card.Length, check.InputToneSpans);
        Assert.Equal(0, check.Leaks);
    }

    [Fact]
    public void AttenuatedBy40Db_Leaks()
    {
        var entry = new CardEntry(Card, 70, 70, -5);
        Assert.Equal(Card.Length, Run(TestSignals.ToPcm(entry.Signal), entry.Masked(CardEntry.Attenuate(40))).Leaks);
    }

    [Theory]
    [InlineData(10, 0)]
    [InlineData(0, 10)]
    public void MaskingLateOrEarly_Leaks(double lateMs, double earlyMs)
    {
        var entry = new CardEntry(AllKeys, 70, 70, -5);
        var check = Run(TestSignals.ToPcm(entry.Signal), entry.Masked(CardEntry.Zero, lateMs, earlyMs),
            options: new OutputLeakDetectorOptions { MinConsecutiveFrames = 1 });
        Assert.True(check.Leaks > 0, $"leaks {check.Leaks}");
    }

    [Theory]
    [InlineData("en-us+f3")]
    [InlineData("en-gb+m3")]
    [InlineData("de+f2")]
    public void RealSpeechPassedThrough_IsNotALeak(string voice)
    {
        // Real synthesized speech (espeak-ng, resampled by sox; both installed by .ci/run), no tones,
        // passed through unmasked: nothing may count as a leak, however DTMF-like a vowel looks.
        var speech = SpeechSamples.Speak(voice);
        var check = Run(speech, speech, options: new OutputLeakDetectorOptions { MinConsecutiveFrames = 1 });
        Assert.Equal(0, check.Leaks);
    }

    [Fact]
    public void SpeechAroundMaskedKeys_NoLeak_UnmaskedKeys_Leak()
    {
        var entry = new CardEntry(Card, 70, 70, -8, TestSignals.SpeechLike(4, 1, -20));
        var input = TestSignals.ToPcm(entry.Signal);
        Assert.Equal(0, Run(input, entry.Masked(CardEntry.Zero)).Leaks);
        Assert.Equal(Card.Length, Run(input, input).Leaks);
    }

    [Fact]
    public void WrongDelay_IsCaughtAsLeak()
    {
        // A masker whose output is 30 ms later than it says leaves each tone's tail unmasked.
        var entry = new CardEntry(Card, 70, 70, -5);
        var check = Run(TestSignals.ToPcm(entry.Signal), entry.Masked(CardEntry.Zero, lateMs: 30), delay: Delay,
            options: new OutputLeakDetectorOptions { MinConsecutiveFrames = 1 });
        Assert.True(check.Leaks > 0);
    }
}
