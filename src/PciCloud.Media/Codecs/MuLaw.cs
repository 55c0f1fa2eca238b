namespace PciCloud.Media.Codecs;

/// <summary>
/// ITU-T G.711 mu-law, table-driven: 256-entry decode table and a 64 Ki-entry encode table,
/// both computed once from Sun Microsystems' g711.c, with negative samples taken in one's complement
/// so that encoding is bit-exact with ITU-T G.191's ulaw_compress (see <see cref="EncodeReference"/>).
/// </summary>
public static class MuLaw
{
    private const int Bias = 0x84;
    private const int Clip = 8159;

    private static readonly short[] DecodeTable = BuildDecodeTable();
    private static readonly byte[] EncodeTable = BuildEncodeTable();

    /// <summary>The code for digital silence (+0).</summary>
    public const byte Silence = 0xFF;

    public static short Decode(byte code) => DecodeTable[code];

    public static byte Encode(short sample) => EncodeTable[(ushort)sample];

    /// <summary>Decodes <paramref name="codes"/> into <paramref name="samples"/> (same length or longer).</summary>
    public static void Decode(ReadOnlySpan<byte> codes, Span<short> samples)
    {
        if (samples.Length < codes.Length)
        {
            ThrowDestinationTooShort();
        }

        var table = DecodeTable;
        for (var i = 0; i < codes.Length; i++)
        {
            samples[i] = table[codes[i]];
        }
    }

    /// <summary>Encodes <paramref name="samples"/> into <paramref name="codes"/> (same length or longer).</summary>
    public static void Encode(ReadOnlySpan<short> samples, Span<byte> codes)
    {
        if (codes.Length < samples.Length)
        {
            ThrowDestinationTooShort();
        }

        var table = EncodeTable;
        for (var i = 0; i < samples.Length; i++)
        {
            codes[i] = table[(ushort)samples[i]];
        }
    }

    /// <summary>The reference algorithm, one sample; the tables are built from it.</summary>
    internal static byte EncodeReference(short sample)
    {
        int pcm = sample >> 2;
        int mask;
        if (pcm < 0)
        {
            // One's complement, as ITU-T G.191's ulaw_compress: -1..-4 encode as -0. Sun's g711.c
            // negates here (-pcm), which sends every negative sample one step further from zero
            // and is not bit-exact with the ITU reference (spandsp and WebRTC fixed it the same way).
            pcm = -pcm - 1;
            mask = 0x7F;
        }
        else
        {
            mask = 0xFF;
        }

        if (pcm > Clip)
        {
            pcm = Clip;
        }

        pcm += Bias >> 2;
        var segment = Segment(pcm);
        if (segment >= 8)
        {
            return (byte)(0x7F ^ mask);
        }

        var code = (segment << 4) | ((pcm >> (segment + 1)) & 0xF);
        return (byte)(code ^ mask);
    }

    internal static short DecodeReference(byte code)
    {
        int u = ~code & 0xFF;
        var t = ((u & 0x0F) << 3) + Bias;
        t <<= (u & 0x70) >> 4;
        return (short)((u & 0x80) != 0 ? Bias - t : t - Bias);
    }

    private static int Segment(int value)
    {
        // Segment end points of the 14-bit magnitude (seg_uend in g711.c).
        var end = 0x3F;
        for (var segment = 0; segment < 8; segment++, end = (end << 1) | 1)
        {
            if (value <= end)
            {
                return segment;
            }
        }

        return 8;
    }

    private static short[] BuildDecodeTable()
    {
        var table = new short[256];
        for (var i = 0; i < 256; i++)
        {
            table[i] = DecodeReference((byte)i);
        }

        return table;
    }

    private static byte[] BuildEncodeTable()
    {
        var table = new byte[65536];
        for (var i = 0; i < 65536; i++)
        {
            table[i] = EncodeReference((short)i);
        }

        return table;
    }

    private static void ThrowDestinationTooShort() =>
        throw new ArgumentException("The destination span is shorter than the source.");
}
