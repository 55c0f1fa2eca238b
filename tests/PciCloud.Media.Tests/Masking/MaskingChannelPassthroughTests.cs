using PciCloud.Media.Codecs;
using PciCloud.Media.Masking;

namespace PciCloud.Media.Tests.Masking;

public sealed class MaskingChannelPassthroughTests
{
    [Fact]
    public void ProcessFrame_SpeechLikeAudioWithoutTones_PassesBitExact()
    {
        // Vowels /u/ and /i/ (formants away from the keypad frequencies), then line noise.
        var speech = Signals.Concat(
            Signals.Vowel(800, 120, 320, 900, -18, seed: 1),
            Signals.WithNoise(Signals.Silence(400), -50, seed: 2),
            Signals.Vowel(800, 220, 300, 2300, -14, seed: 3));
        var channel = new MaskingChannel(new MaskingOptions());

        var output = MaskerRun.Pcm(speech, channel);

        Assert.Equal(speech, output);
        Assert.Equal(0, channel.MaskedSampleCount);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(20)]
    [InlineData(40)]
    [InlineData(60)]
    public void ProcessFrame_AnyLookahead_DelaysByExactlyTheLookahead(int lookaheadMs)
    {
        var input = Signals.WithNoise(Signals.Silence(200), -30, seed: 4);
        var channel = new MaskingChannel(new MaskingOptions { LookaheadMilliseconds = lookaheadMs });
        var output = new short[input.Length];

        for (var i = 0; i < input.Length; i += 160)
        {
            channel.ProcessFrame(input.AsSpan(i, 160), output.AsSpan(i, 160));
        }

        Assert.Equal(lookaheadMs * 8, channel.LookaheadSamples);
        Assert.All(output.Take(channel.LookaheadSamples), s => Assert.Equal(0, s));
        Assert.Equal(input.AsSpan(0, input.Length - channel.LookaheadSamples).ToArray(), output.AsSpan(channel.LookaheadSamples).ToArray());
    }

    [Theory]
    [InlineData(G711Law.MuLaw)]
    [InlineData(G711Law.ALaw)]
    public void ProcessFrame_G711WithoutTones_CopiesTheOriginalBytes(G711Law law)
    {
        // Every one of the 256 codes, including both zeros, which a decode/encode round trip would not preserve.
        var codes = Enumerable.Range(0, 8000).Select(i => (byte)(i * 7 % 256)).ToArray();
        var channel = new MaskingChannel(new MaskingOptions());

        var output = MaskerRun.Codes(codes, channel, law);

        Assert.Equal(codes, output);
    }

    [Fact]
    public void ProcessFrame_WrongFrameLengths_Throws()
    {
        var channel = new MaskingChannel(new MaskingOptions());

        Assert.Throws<ArgumentException>(() => channel.ProcessFrame(new short[160], new short[80]));
        Assert.Throws<ArgumentException>(() => channel.ProcessFrame(new short[481], new short[481]));
    }

    [Fact]
    public void ProcessFrame_SwitchingEncoding_Throws()
    {
        var channel = new MaskingChannel(new MaskingOptions());
        channel.ProcessFrame(new short[160], new short[160]);

        Assert.Throws<InvalidOperationException>(() => channel.ProcessFrame(new byte[160], new byte[160], G711Law.MuLaw));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(61)]
    public void Constructor_LookaheadOutOfRange_Throws(int lookaheadMs)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new MaskingChannel(new MaskingOptions { LookaheadMilliseconds = lookaheadMs }));
    }
}
