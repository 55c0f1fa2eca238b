using System.Buffers.Binary;

namespace PciCloud.Media.Wav;

/// <summary>RIFF/WAVE header parsing and writing (fmt and data chunks; other chunks are skipped).</summary>
internal static class WavHeader
{
    private const ushort FormatPcm = 1;
    private const ushort FormatALaw = 6;
    private const ushort FormatMuLaw = 7;
    private const ushort FormatExtensible = 0xFFFE;

    /// <summary>Parses up to the start of the data chunk; returns the encoding and the data size in bytes.</summary>
    public static (WavEncoding Encoding, long DataBytes) Read(Stream stream, int requiredRate)
    {
        Span<byte> riff = stackalloc byte[12];
        if (!TryFill(stream, riff) || !riff[..4].SequenceEqual("RIFF"u8) || !riff[8..12].SequenceEqual("WAVE"u8))
        {
            throw new WavFormatException("Not a WAV file (no RIFF/WAVE header).");
        }

        WavEncoding? encoding = null;
        Span<byte> chunk = stackalloc byte[8];
        while (TryFill(stream, chunk))
        {
            var size = BinaryPrimitives.ReadUInt32LittleEndian(chunk[4..]);
            if (chunk[..4].SequenceEqual("fmt "u8))
            {
                encoding = ReadFormat(stream, size, requiredRate);
            }
            else if (chunk[..4].SequenceEqual("data"u8))
            {
                return (encoding ?? throw new WavFormatException("WAV data chunk comes before any fmt chunk."), size);
            }
            else
            {
                Skip(stream, size + (size & 1));
            }
        }

        throw new WavFormatException("WAV file has no data chunk.");
    }

    /// <summary>Writes a 44-byte (PCM) or 46-byte (G.711) header for <paramref name="samples"/> samples at 8 kHz mono.</summary>
    public static void Write(Stream stream, WavEncoding encoding, long samples)
    {
        var pcm = encoding == WavEncoding.Pcm16;
        var bytesPerSample = pcm ? 2 : 1;
        var fmtSize = pcm ? 16 : 18;
        var dataBytes = checked((uint)(samples * bytesPerSample));
        Span<byte> header = stackalloc byte[28 + fmtSize];
        "RIFF"u8.CopyTo(header);
        BinaryPrimitives.WriteUInt32LittleEndian(header[4..], checked((uint)(20 + fmtSize + dataBytes + (dataBytes & 1))));
        "WAVEfmt "u8.CopyTo(header[8..]);
        BinaryPrimitives.WriteUInt32LittleEndian(header[16..], (uint)fmtSize);
        var tag = encoding switch { WavEncoding.MuLaw => FormatMuLaw, WavEncoding.ALaw => FormatALaw, _ => FormatPcm };
        BinaryPrimitives.WriteUInt16LittleEndian(header[20..], tag);
        BinaryPrimitives.WriteUInt16LittleEndian(header[22..], 1);
        BinaryPrimitives.WriteUInt32LittleEndian(header[24..], 8000);
        BinaryPrimitives.WriteUInt32LittleEndian(header[28..], (uint)(8000 * bytesPerSample));
        BinaryPrimitives.WriteUInt16LittleEndian(header[32..], (ushort)bytesPerSample);
        BinaryPrimitives.WriteUInt16LittleEndian(header[34..], (ushort)(8 * bytesPerSample));
        var data = 20 + fmtSize;
        "data"u8.CopyTo(header[data..]);
        BinaryPrimitives.WriteUInt32LittleEndian(header[(data + 4)..], dataBytes);
        stream.Write(header);
    }

    private static WavEncoding ReadFormat(Stream stream, uint size, int requiredRate)
    {
        if (size is < 16 or > 256)
        {
            throw new WavFormatException($"WAV fmt chunk has an unusual size ({size} bytes).");
        }

        Span<byte> fmt = stackalloc byte[(int)size + (int)(size & 1)];
        if (!TryFill(stream, fmt))
        {
            throw new WavFormatException("WAV fmt chunk is truncated.");
        }

        var tag = BinaryPrimitives.ReadUInt16LittleEndian(fmt);
        var channels = BinaryPrimitives.ReadUInt16LittleEndian(fmt[2..]);
        var rate = BinaryPrimitives.ReadUInt32LittleEndian(fmt[4..]);
        var bits = BinaryPrimitives.ReadUInt16LittleEndian(fmt[14..]);
        if (tag == FormatExtensible && size >= 26)
        {
            tag = BinaryPrimitives.ReadUInt16LittleEndian(fmt[24..]);
        }

        if (channels != 1 || rate != requiredRate)
        {
            throw new WavFormatException($"Unsupported WAV: {channels} channel(s) at {rate} Hz; only {requiredRate} Hz mono is supported.");
        }

        return (tag, bits) switch
        {
            (FormatPcm, 16) => WavEncoding.Pcm16,
            (FormatMuLaw, 8) => WavEncoding.MuLaw,
            (FormatALaw, 8) => WavEncoding.ALaw,
            _ => throw new WavFormatException($"Unsupported WAV encoding (format tag {tag}, {bits} bits); only PCM16, mu-law and A-law are supported."),
        };
    }

    private static bool TryFill(Stream stream, Span<byte> buffer)
    {
        var total = 0;
        while (total < buffer.Length)
        {
            var got = stream.Read(buffer[total..]);
            if (got == 0)
            {
                return false;
            }

            total += got;
        }

        return true;
    }

    private static void Skip(Stream stream, long count)
    {
        Span<byte> scratch = stackalloc byte[512];
        while (count > 0)
        {
            var got = stream.Read(scratch[..(int)Math.Min(count, scratch.Length)]);
            if (got == 0)
            {
                throw new WavFormatException("WAV file ends inside a chunk.");
            }

            count -= got;
        }
    }
    internal static string Describe(WavEncoding encoding) => encoding switch
    {
        WavEncoding.MuLaw => "mu-law",
        WavEncoding.ALaw => "A-law",
        _ => "PCM16",
    };
}
