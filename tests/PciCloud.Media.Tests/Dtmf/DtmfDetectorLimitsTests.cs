using PciCloud.Media.Dtmf;

namespace PciCloud.Media.Tests.Dtmf;

/// <summary>The ITU-T Q.24 (AT&amp;T column) receiver limits, on both sides of each accept/reject boundary.</summary>
public sealed class DtmfDetectorLimitsTests
{
    private const string Keys = "147*2580369#ABCD";

    [Theory]
    [InlineData(0)]
    [InlineData(-10)]
    [InlineData(-25)]
    [InlineData(-30)]
    public void Level_WithinRange_EveryKeyDetected(double dbm0)
    {
        Assert.Equal(Keys, DetectorRun.Digits(DtmfSynth.Sequence(Keys, dbm0, onMs: 50, offMs: 50)));
    }

    [Fact]
    public void Level_At55Dbm0_Rejected()
    {
        Assert.Equal("", DetectorRun.Digits(DtmfSynth.Sequence(Keys, -55, onMs: 100, offMs: 50)));
    }

    [Theory]
    [InlineData(-8)]
    [InlineData(-4)]
    [InlineData(4)]
    public void Twist_WithinAttLimitsInclusive_EveryKeyDetected(double twistDb)
    {
        Assert.Equal(Keys, DetectorRun.Digits(DtmfSynth.Sequence(Keys, -10, onMs: 50, offMs: 50, twistDb: twistDb)));
        Assert.Equal(Keys, DetectorRun.Digits(DtmfSynth.Sequence(Keys, -20, onMs: 50, offMs: 50, twistDb: twistDb)));
    }

    [Theory]
    [InlineData(-14)]
    [InlineData(9)]
    public void Twist_FarBeyondLimits_Rejected(double twistDb)
    {
        Assert.Equal("", DetectorRun.Digits(DtmfSynth.Sequence(Keys, -10, onMs: 60, offMs: 50, twistDb: twistDb)));
    }

    [Theory]
    [InlineData(0.015, 0.015)]
    [InlineData(-0.015, -0.015)]
    [InlineData(0.015, -0.015)]
    [InlineData(-0.015, 0.015)]
    [InlineData(0.01, 0)]
    public void FrequencyOffset_UpTo1Point5Percent_EveryKeyDetected(double lowOffset, double highOffset)
    {
        var signal = Signals.Concat(Keys.Select(k => Signals.Key(k, onMs: 50, lowOffset: lowOffset, highOffset: highOffset, lead: 50, tail: 0)).ToArray());

        Assert.Equal(Keys, DetectorRun.Digits(signal));
    }

    [Theory]
    [InlineData(0.035, 0.035)]
    [InlineData(-0.035, -0.035)]
    [InlineData(0.035, 0)]
    [InlineData(-0.035, 0)]
    [InlineData(0, 0.035)]
    [InlineData(0, -0.035)]
    [InlineData(0.05, 0.05)]
    public void FrequencyOffset_3Point5PercentOrMore_Rejected(double lowOffset, double highOffset)
    {
        var signal = Signals.Concat(Keys.Select(k => Signals.Key(k, onMs: 100, lowOffset: lowOffset, highOffset: highOffset, lead: 50, tail: 0)).ToArray());

        Assert.Equal("", DetectorRun.Digits(signal));
    }

    [Theory]
    [InlineData(40)]
    [InlineData(45)]
    public void Duration_40msOrMore_Detected(double onMs)
    {
        for (var phase = 0; phase < 51; phase += 5)
        {
            var signal = Signals.Concat(Signals.Silence(phase / 8.0), DtmfSynth.Sequence(Keys, -10, (int)onMs, 60));
            Assert.Equal(Keys, DetectorRun.Digits(signal));
        }
    }

    [Theory]
    [InlineData(20)]
    [InlineData(23)]
    public void Duration_23msOrLess_Rejected(double onMs)
    {
        for (var phase = 0; phase < 51; phase += 5)
        {
            var signal = Signals.Concat(Signals.Silence(phase / 8.0), DtmfSynth.Sequence(Keys, -10, (int)onMs, 60));
            Assert.Equal("", DetectorRun.Digits(signal));
        }
    }

    [Theory]
    [InlineData(5)]
    [InlineData(10)]
    public void Interruption_UpTo10ms_BridgedIntoOneKeyPress(double gapMs)
    {
        var signal = Signals.Concat(Signals.Key('6', onMs: 60, tail: gapMs), Signals.Key('6', onMs: 60, lead: 0));

        Assert.Equal("6", DetectorRun.Digits(signal));
    }

    [Fact]
    public void Pause_40ms_SeparatesKeyPresses()
    {
        var signal = Signals.Concat(Signals.Key('6', onMs: 60, tail: 40), Signals.Key('6', onMs: 60, lead: 0));

        Assert.Equal("66", DetectorRun.Digits(signal));
    }

    [Theory]
    [InlineData(15, 1)]
    [InlineData(15, 2)]
    [InlineData(20, 3)]
    public void Noise_AtSignalToNoise15dB_EveryKeyDetected(double snrDb, int seed)
    {
        // SNR = per-tone power / total noise power, as in the reference corpus.
        var clean = DtmfSynth.Sequence(Keys, -15, onMs: 50, offMs: 50);

        Assert.Equal(Keys, DetectorRun.Digits(Signals.WithNoise(clean, -15 - snrDb, seed)));
    }
}
