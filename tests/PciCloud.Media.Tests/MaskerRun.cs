using PciCloud.Media.Codecs;
using PciCloud.Media.Masking;

namespace PciCloud.Media.Tests;

/// <summary>Runs a masking channel over a whole signal in 20 ms frames, flushing the look-ahead with silence.</summary>
internal static class MaskerRun
{
    public const int Frame = 160;

    /// <summary>The output, shifted back by the look-ahead so it lines up with <paramref name="input"/>.</summary>
    public static short[] Pcm(short[] input, MaskingChannel channel)
    {
        var padded = new short[((input.Length + channel.LookaheadSamples) / Frame + 1) * Frame];
        input.CopyTo(padded, 0);
        var output = new short[padded.Length];
        for (var i = 0; i < padded.Length; i += Frame)
        {
            channel.ProcessFrame(padded.AsSpan(i, Frame), output.AsSpan(i, Frame));
        }

        return output.AsSpan(channel.LookaheadSamples, input.Length).ToArray();
    }

    public static byte[] Codes(byte[] input, MaskingChannel channel, G711Law law)
    {
        var silence = law == G711Law.MuLaw ? MuLaw.Silence : ALaw.Silence;
        var padded = new byte[((input.Length + channel.LookaheadSamples) / Frame + 1) * Frame];
        padded.AsSpan().Fill(silence);
        input.CopyTo(padded, 0);
        var output = new byte[padded.Length];
        for (var i = 0; i < padded.Length; i += Frame)
        {
            channel.ProcessFrame(padded.AsSpan(i, Frame), output.AsSpan(i, Frame), law);
        }

        return output.AsSpan(channel.LookaheadSamples, input.Length).ToArray();
    }

    /// <summary>Power at <paramref name="frequency"/> relative to the segment's total power (Goertzel), in dB.</summary>
    public static double RelativePowerDb(ReadOnlySpan<short> segment, double frequency)
    {
        var omega = 2 * Math.PI * frequency / 8000;
        double re = 0, im = 0, total = 0;
        for (var n = 0; n < segment.Length; n++)
        {
            re += segment[n] * Math.Cos(omega * n);
            im -= segment[n] * Math.Sin(omega * n);
            total += (double)segment[n] * segment[n];
        }

        var tone = 2 * ((re * re) + (im * im)) / segment.Length;
        return 10 * Math.Log10((tone + 1e-9) / (total + 1e-9));
    }
}
