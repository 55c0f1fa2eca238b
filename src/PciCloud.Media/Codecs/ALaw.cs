namespace PciCloud.Media.Codecs;

/// <summary>
/// ITU-T G.711 A-law, table-driven: 256-entry decode table and a 64 Ki-entry encode table,
/// both computed once from the reference algorithm (Sun Microsystems' g711.c, the code G.191 ships).
/// </summary>
public static class ALaw
{
    private static readonly short[] DecodeTable = BuildDecodeTable();
    private static readonly byte[] EncodeTable = BuildEncodeTable();

    /// <summary>The code for digital silence (+0 after decoding rounds to +8).</summary>
    public const byte Silence = 0xD5;

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

    internal static byte EncodeReference(short sample)
    {
        int pcm = sample >> 3;
        int mask;
        if (pcm >= 0)
        {
            mask = 0xD5;
        }
        else
        {
            mask = 0x55;
            pcm = -pcm - 1;
        }

        var segment = Segment(pcm);
        if (segment >= 8)
        {
            return (byte)(0x7F ^ mask);
        }

        var code = segment << 4;
        code |= segment < 2 ? (pcm >> 1) & 0x0F : (pcm >> segment) & 0x0F;
        return (byte)(code ^ mask);
    }

    internal static short DecodeReference(byte code)
    {
        int a = code ^ 0x55;
        var t = (a & 0x0F) << 4;
        var segment = (a & 0x70) >> 4;
        switch (segment)
        {
            case 0:
                t += 8;
                break;
            case 1:
                t += 0x108;
                break;
            default:
                t += 0x108;
                t <<= segment - 1;
                break;
        }

        return (short)((a & 0x80) != 0 ? t : -t);
    }

    private static int Segment(int value)
    {
        // Segment end points of the 13-bit magnitude (seg_aend in g711.c).
        var end = 0x1F;
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
