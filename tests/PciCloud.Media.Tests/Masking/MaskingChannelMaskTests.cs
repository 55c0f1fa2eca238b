using PciCloud.Media.Codecs;
using PciCloud.Media.Dtmf;
using PciCloud.Media.Masking;

namespace PciCloud.Media.Tests.Masking;

public sealed class MaskingChannelMaskTests
{
    private const int ToneStart = 2000; // 250 ms
    private const int ToneLength = 800;  // 100 ms

    public static TheoryData<char> AllKeys() => new("123A456B789C*0#D".ToCharArray());

    [Theory]
    [MemberData(nameof(AllKeys))]
    public void ProcessFrame_KeyTone_WholeToneReplacedAndNoTonePowerLeft(char key)
    {
        var input = Signals.Key(key, onMs: 100, lead: 250, tail: 250);
        var channel = new MaskingChannel(new MaskingOptions());

        var output = MaskerRun.Pcm(input, channel);

        Assert.True(channel.TryReadMaskedSpan(out var span));
        Assert.True(span.StartSample <= ToneStart, $"mask starts at {span.StartSample}, tone at {ToneStart}");
        Assert.True(span.StartSample + span.LengthSamples >= ToneStart + ToneLength);
        var masked = output.AsSpan((int)span.StartSample, span.LengthSamples);
        Assert.True(DtmfKeypad.TryGetPosition(key, out var row, out var column));
        Assert.True(MaskerRun.RelativePowerDb(masked, DtmfKeypad.Frequencies[row]) < -40);
        Assert.True(MaskerRun.RelativePowerDb(masked, DtmfKeypad.Frequencies[4 + column]) < -40);
        Assert.Equal(input.AsSpan(0, (int)span.StartSample).ToArray(), output.AsSpan(0, (int)span.StartSample).ToArray());
        Assert.Equal(1, channel.KeyPressCount);
    }

    [Theory]
    [InlineData(20)]
    [InlineData(23)]
    public void ProcessFrame_BurstTooShortForADigit_StillMasked(int onMs)
    {
        // Fail closed: a burst too short to count as a key press is still DTMF-like, and a decoder without a
        // duration check (multimon-ng) would hear it.
        var input = Signals.Key('7', onMs: onMs, lead: 250, tail: 250);
        var channel = new MaskingChannel(new MaskingOptions());

        var output = MaskerRun.Pcm(input, channel);

        Assert.Equal(0, channel.KeyPressCount);
        Assert.True(channel.TryReadMaskedSpan(out var span));
        Assert.True(span.StartSample <= ToneStart && span.StartSample + span.LengthSamples >= ToneStart + (onMs * 8), $"masked {span}");
        Assert.True(MaskerRun.RelativePowerDb(output.AsSpan(ToneStart, onMs * 8), 852) < -40);
    }

    [Fact]
    public void ProcessFrame_DifferentKeys_SameMaskingSound()
    {
        byte[]? first = null;
        foreach (var key in "159#D")
        {
            var output = MaskerRun.Pcm(Signals.Key(key, onMs: 100, lead: 250, tail: 250), new MaskingChannel(new MaskingOptions()));
            var middle = output.AsSpan(ToneStart + 100, 480).ToArray().SelectMany(BitConverter.GetBytes).ToArray();
            first ??= middle;
            Assert.Equal(first, middle);
        }
    }

    [Theory]
    [InlineData(MaskingSound.Tone)]
    [InlineData(MaskingSound.ComfortNoise)]
    public void ProcessFrame_EitherSound_NoDtmfFrequencyDominates(MaskingSound sound)
    {
        var input = Signals.Key('5', onMs: 200, lead: 250, tail: 250);
        var output = MaskerRun.Pcm(input, new MaskingChannel(new MaskingOptions { Sound = sound }));

        var masked = output.AsSpan(ToneStart, 1600);
        foreach (var frequency in DtmfKeypad.Frequencies)
        {
            Assert.True(MaskerRun.RelativePowerDb(masked, frequency) < -20, $"{frequency} Hz");
        }
    }

    [Fact]
    public void ProcessFrame_KeyPress_ReportedWithStartAndDurationInInputPositions()
    {
        var channel = new MaskingChannel(new MaskingOptions());

        MaskerRun.Pcm(Signals.Key('8', onMs: 100, lead: 250, tail: 250), channel);

        Assert.True(channel.TryReadKeyPress(out var press));
        Assert.Equal('8', press.Digit);
        Assert.InRange(press.StartSample, ToneStart - 60, ToneStart + 60);
        Assert.InRange(press.DurationSamples, ToneLength - 120, ToneLength + 120);
        Assert.False(channel.TryReadKeyPress(out _));
    }

    [Theory]
    [InlineData(G711Law.MuLaw)]
    [InlineData(G711Law.ALaw)]
    public void ProcessFrame_G711Tone_MaskedWithEncodedMaskingSoundAndRestCopied(G711Law law)
    {
        var pcm = Signals.WithNoise(Signals.Key('3', onMs: 100, lead: 250, tail: 250), -45, seed: 9);
        var codes = Signals.Encode(pcm, law);

        var channel = new MaskingChannel(new MaskingOptions());
        var output = MaskerRun.Codes(codes, channel, law);

        Assert.True(channel.TryReadMaskedSpan(out var span));
        Assert.False(channel.TryReadMaskedSpan(out _));
        var end = (int)(span.StartSample + span.LengthSamples);
        Assert.True(span.StartSample <= ToneStart && end >= ToneStart + ToneLength, $"masked {span}");
        Assert.Equal(codes.AsSpan(0, (int)span.StartSample).ToArray(), output.AsSpan(0, (int)span.StartSample).ToArray());
        Assert.Equal(codes.AsSpan(end).ToArray(), output.AsSpan(end).ToArray());
        var decoded = new short[span.LengthSamples];
        if (law == G711Law.MuLaw)
        {
            MuLaw.Decode(output.AsSpan((int)span.StartSample, span.LengthSamples), decoded);
        }
        else
        {
            ALaw.Decode(output.AsSpan((int)span.StartSample, span.LengthSamples), decoded);
        }

        // G.711 quantisation of the 500 Hz masking tone leaves its harmonics about 35 dB down.
        Assert.True(MaskerRun.RelativePowerDb(decoded, 697) < -30);
        Assert.True(MaskerRun.RelativePowerDb(decoded, 1477) < -30);
    }

    [Fact]
    public void ForceMask_WhileOn_EverythingOutputIsMasked()
    {
        var channel = new MaskingChannel(new MaskingOptions());
        var input = Signals.WithNoise(Signals.Silence(400), -20, seed: 3);
        var output = new short[input.Length];

        for (var frame = 0; frame < 20; frame++)
        {
            channel.ForceMask(frame is >= 5 and < 14);
            channel.ProcessFrame(input.AsSpan(frame * 160, 160), output.AsSpan(frame * 160, 160));
        }

        // Output frames 5-13 were produced while forced: all masking tone, none of the input.
        Assert.True(MaskerRun.RelativePowerDb(output.AsSpan(800, 1440), 500) > -1);
        Assert.Equal(1440, channel.MaskedSampleCount);
        var delay = channel.LookaheadSamples;
        Assert.Equal(input.AsSpan(2240 - delay, 3200 - 2240).ToArray(), output.AsSpan(2240).ToArray());
        Assert.Equal(input.AsSpan(0, 800 - delay).ToArray(), output.AsSpan(delay, 800 - delay).ToArray());
    }

    [Fact]
    public void ForceMask_ToneDetectedAheadOfTheOutput_EverythingOutputWhileForcedIsStillMasked()
    {
        // An RFC 4733 event forces masking while the same key also sounds in band: the in-band verdict marks a
        // span that starts ahead of the output, and the forced samples before it must stay masked.
        var channel = new MaskingChannel(new MaskingOptions());
        var input = Signals.Concat(Signals.Silence(400), Signals.Key('5', onMs: 100, lead: 60, tail: 300));
        var output = new short[input.Length];
        var forcedFrom = 0L;
        for (var frame = 0; frame * 160 < input.Length; frame++)
        {
            if (frame == 20)
            {
                channel.ForceMask(true);
                forcedFrom = channel.MaskedSampleCount;
            }

            channel.ProcessFrame(input.AsSpan(frame * 160, 160), output.AsSpan(frame * 160, 160));
        }

        // Forced from frame 20 to the end: every output sample from then on is masked.
        Assert.Equal(input.Length - (20 * 160), channel.MaskedSampleCount - forcedFrom);
    }
}
