using PciCloud.Media.Masking;
using PciCloud.Media.Tests.Evidence;

namespace PciCloud.Media.Tests.Masking;

/// <summary>Issue 2: on speech with no tones, at most 0.2 % of the samples may be altered.</summary>
public sealed class MaskingChannelSpeechTests
{
    // Female and high-pitched espeak-ng voices imitate key pairs most often (talk-off).
    private static readonly string[] Voices = ["en-us+Annie", "en-gb+belinda", "en+f5", "fr-fr+linda", "es+Annie", "de+m3"];

    [Fact]
    public void ProcessFrame_SpeechOfSeveralVoices_AtMostTwoPerMilleAltered()
    {
        long samples = 0;
        long altered = 0;
        foreach (var voice in Voices)
        {
            var speech = SpeechSamples.Speak(voice);
            var output = MaskerRun.Pcm(speech, new MaskingChannel(new MaskingOptions()));
            samples += speech.Length;
            altered += speech.Zip(output).Count(pair => pair.First != pair.Second);
        }

        Assert.True(altered <= samples * 0.002, $"{altered} of {samples} samples altered");
    }
}
