using PciCloud.Media.Dtmf;

namespace PciCloud.Media.Tests.Dtmf;

public sealed class DtmfDetectorTalkOffTests
{
    [Theory]
    [InlineData(110, 700, 1220)]   // low male voice, formants near a row and a column frequency
    [InlineData(210, 770, 1340)]   // female voice
    [InlineData(233, 700, 1400)]   // harmonics 3 and 6 near 697 and 1398
    [InlineData(300, 900, 1500)]   // child voice
    public void Process_SustainedVowels_NoKeyPress(double pitch, double formant1, double formant2)
    {
        var speech = Signals.Vowel(3000, pitch, formant1, formant2, -15, seed: (int)pitch);

        Assert.Empty(DetectorRun.KeyPresses(speech));
    }

    [Fact]
    public void Process_SingleToneOfTheKeypad_NoKeyPress()
    {
        var signal = Signals.Silence(1000);
        DtmfSynth.AddSine(signal.AsSpan(0, 4000), 770, -10);
        DtmfSynth.AddSine(signal.AsSpan(4000), 1336, -10);

        Assert.Empty(DetectorRun.KeyPresses(signal));
    }

    [Fact]
    public void Process_KeyOverSpeech10dBBelow_Detected()
    {
        var speech = Signals.Vowel(1000, 180, 600, 1100, -20, seed: 5);
        DtmfSynth.AddTone(speech.AsSpan(2400, 800), '9', -10, -10);

        Assert.Equal("9", DetectorRun.Digits(speech));
    }
}
