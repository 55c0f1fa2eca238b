using System.Runtime.Intrinsics;

namespace PciCloud.Media.Codecs;

/// <summary>
/// G.711 and PCM16 straight to the floats the DTMF analysis works on, 32 samples per step. The decode is the
/// G.711 formula rather than the table: the segment's power of two is built as a float exponent, so every
/// step is a whole-vector operation. The results equal <see cref="MuLaw.Decode(byte)"/> and
/// <see cref="ALaw.Decode(byte)"/> exactly (a G.711 sample fits a float's 24-bit mantissa).
/// </summary>
internal static class G711Float
{
    private const int Step = 32;

    public static void Decode(ReadOnlySpan<byte> codes, G711Law law, Span<float> samples)
    {
        if (samples.Length < codes.Length)
        {
            ThrowDestinationTooShort();
        }

        var i = 0;
        for (; i + Step <= codes.Length; i += Step)
        {
            var (low, high) = Vector256.Widen(Vector256.Create(codes.Slice(i, Step)));
            var (a, b) = Vector256.Widen(low);
            var (c, d) = Vector256.Widen(high);
            var output = samples.Slice(i, Step);
            if (law == G711Law.MuLaw)
            {
                MuLawToFloat(a).CopyTo(output);
                MuLawToFloat(b).CopyTo(output[8..]);
                MuLawToFloat(c).CopyTo(output[16..]);
                MuLawToFloat(d).CopyTo(output[24..]);
            }
            else
            {
                ALawToFloat(a).CopyTo(output);
                ALawToFloat(b).CopyTo(output[8..]);
                ALawToFloat(c).CopyTo(output[16..]);
                ALawToFloat(d).CopyTo(output[24..]);
            }
        }

        for (; i < codes.Length; i++)
        {
            samples[i] = law == G711Law.MuLaw ? MuLaw.Decode(codes[i]) : ALaw.Decode(codes[i]);
        }
    }

    public static void Widen(ReadOnlySpan<short> pcm, Span<float> samples)
    {
        if (samples.Length < pcm.Length)
        {
            ThrowDestinationTooShort();
        }

        var i = 0;
        for (; i + Vector256<short>.Count <= pcm.Length; i += Vector256<short>.Count)
        {
            var (low, high) = Vector256.Widen(Vector256.Create(pcm.Slice(i, Vector256<short>.Count)));
            Vector256.ConvertToSingle(low).CopyTo(samples[i..]);
            Vector256.ConvertToSingle(high).CopyTo(samples[(i + 8)..]);
        }

        for (; i < pcm.Length; i++)
        {
            samples[i] = pcm[i];
        }
    }

    /// <summary>
    /// Sun's g711.c ulaw2linear: u = ~code; t = ((u &amp; 0x0F) &lt;&lt; 3 + 0x84) &lt;&lt; segment; t - 0x84, negated
    /// when the sign bit of u is set.
    /// </summary>
    private static Vector256<float> MuLawToFloat(Vector256<uint> codes)
    {
        var u = ~codes & Vector256.Create(0xFFu);
        var segment = (u >> 4) & Vector256.Create(7u);
        var t = Vector256.ConvertToSingle(((u & Vector256.Create(0x0Fu)) << 3).AsInt32() + Vector256.Create(0x84))
            * PowerOfTwo(segment);
        var magnitude = t - Vector256.Create(132f);
        return (magnitude.AsUInt32() ^ ((u & Vector256.Create(0x80u)) << 24)).AsSingle();
    }

    /// <summary>
    /// Sun's g711.c alaw2linear: a = code ^ 0x55; t = (a &amp; 0x0F) &lt;&lt; 4, plus 8 in segment 0, else plus 0x108 and
    /// shifted left by segment - 1; negative when the sign bit of a is clear.
    /// </summary>
    private static Vector256<float> ALawToFloat(Vector256<uint> codes)
    {
        var a = codes ^ Vector256.Create(0x55u);
        var segment = (a >> 4) & Vector256.Create(7u);
        var inUpperSegments = Vector256.GreaterThan(segment, Vector256<uint>.Zero);
        var baseValue = ((a & Vector256.Create(0x0Fu)) << 4) + Vector256.Create(8u) + (inUpperSegments & Vector256.Create(0x100u));
        var shift = segment - (inUpperSegments & Vector256<uint>.One);
        var t = Vector256.ConvertToSingle(baseValue.AsInt32()) * PowerOfTwo(shift);
        var negative = (~a & Vector256.Create(0x80u)) << 24;
        return (t.AsUInt32() ^ negative).AsSingle();
    }

    /// <summary>2^<paramref name="exponent"/> (0-7) as floats: the exponent placed in the IEEE 754 exponent field.</summary>
    private static Vector256<float> PowerOfTwo(Vector256<uint> exponent) =>
        ((exponent + Vector256.Create(127u)) << 23).AsSingle();

    private static void ThrowDestinationTooShort() =>
        throw new ArgumentException("The destination span is shorter than the source.");
}
