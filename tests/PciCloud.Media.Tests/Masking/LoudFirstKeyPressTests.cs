using PciCloud.Media.Codecs;
using PciCloud.Media.Dtmf;
using PciCloud.Media.Masking;

namespace PciCloud.Media.Tests.Masking;

/// <summary>
/// Issue 15, part 2b: with no payment session open (the masker in its normal mode, no key press before), a
/// first key press that multimon-ng decodes is masked whatever its level, twist or clipping: tones up to the
/// codec's maximum, clipped in A-law and mu-law, strong twist either way, short loud bursts.
/// </summary>
public sealed class LoudFirstKeyPressTests
{
    [Theory]
    [InlineData('5', 0.0, 3.0, 48, "alaw")]   // the case: top of the range, high tone 3 dB above, clipping in A-law
    [InlineData('5', 0.0, 3.0, 48, "mulaw")]
    [InlineData('1', 3.0, 0.0, 60, "alaw")]   // each tone at the codec's maximum: the sum clips hard
    [InlineData('9', 3.0, 3.0, 40, "mulaw")]
    [InlineData('0', -3.0, 0.0, 48, "alaw")]  // twist, high tone 3 dB above (multimon-ng takes no more than about that)
    [InlineData('#', 0.0, -4.0, 48, "alaw")]  // reverse twist, low tone 4 dB above
    [InlineData('4', -1.0, 2.0, 42, "alaw")]  // a short loud burst
    [InlineData('7', 3.0, 0.0, 45, "mulaw")]
    [InlineData('2', 0.0, 3.0, 60, "alaw")]
    public void FirstKeyPress_NoSessionOpen_LoudClippedOrTwisted_IsMaskedForMultimon(char key, double lowDbm0, double highDbm0, int onMs, string law)
    {
        var multimon = MultimonLeakTests.Tool("multimon-ng");
        var sox = MultimonLeakTests.Tool("sox");
        if (multimon is null || sox is null)
        {
            Assert.Skip("multimon-ng or sox is not installed (apt-get install multimon-ng sox; .ci/run installs them).");
        }

        var g711 = law == "alaw" ? G711Law.ALaw : G711Law.MuLaw;
        var pcm = Signals.Concat(Signals.Silence(400), new short[DtmfSynth.Samples(onMs)], Signals.Silence(400));
        DtmfSynth.AddTone(pcm.AsSpan(DtmfSynth.Samples(400), DtmfSynth.Samples(onMs)), key, lowDbm0, highDbm0);
        var codes = Signals.Encode(pcm, g711);
        var line = Decode(codes, g711); // what reaches the masker: the tone after the codec (clipped where it clips)

        var masked = Decode(MaskerRun.Codes(codes, new MaskingChannel(new MaskingOptions()), g711), g711);

        Assert.Equal(key.ToString(), MultimonLeakTests.Decode(line, multimon!, sox!)); // the decoder takes the input
        Assert.Equal("", MultimonLeakTests.Decode(masked, multimon!, sox!));
    }

    private static short[] Decode(byte[] codes, G711Law law)
    {
        var pcm = new short[codes.Length];
        if (law == G711Law.ALaw)
        {
            ALaw.Decode(codes, pcm);
        }
        else
        {
            MuLaw.Decode(codes, pcm);
        }

        return pcm;
    }
}
