using System.Buffers.Binary;
using PciCloud.Media.Codecs;

namespace PciCloud.Media.Wav;

/// <summary>
/// Streaming reader for 8 kHz mono WAV files in PCM16, mu-law or A-law. Validates the header up front
/// (throws <see cref="WavFormatException"/>) and then reads samples in caller-sized chunks, so memory does
/// not grow with the file.
/// </summary>
public sealed class WavReader : IDisposable
{
    private const int RequiredRate = 8000;

    private readonly Stream _stream;
    private readonly byte[] _buffer = new byte[4096];
    private long _remainingBytes;

    public WavReader(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        _stream = stream;
        (Encoding, _remainingBytes) = WavHeader.Read(stream, RequiredRate);
        SampleCount = _remainingBytes / BytesPerSample;
    }

    public WavEncoding Encoding { get; }

    /// <summary>Samples in the data chunk.</summary>
    public long SampleCount { get; }

    private int BytesPerSample => Encoding == WavEncoding.Pcm16 ? 2 : 1;

    public static WavReader Open(string path) => new(File.OpenRead(path));

    /// <summary>Reads and decodes up to <paramref name="samples"/>.Length samples; 0 at the end.</summary>
    public int Read(Span<short> samples)
    {
        var total = 0;
        while (total < samples.Length)
        {
            var count = Math.Min(samples.Length - total, _buffer.Length / BytesPerSample);
            var got = ReadBytes(_buffer.AsSpan(0, count * BytesPerSample)) / BytesPerSample;
            if (got == 0)
            {
                break;
            }

            Decode(_buffer.AsSpan(0, got * BytesPerSample), samples.Slice(total, got));
            total += got;
        }

        return total;
    }

    /// <summary>Reads up to <paramref name="codes"/>.Length undecoded G.711 bytes (mu-law or A-law files only).</summary>
    public int ReadCodes(Span<byte> codes)
    {
        if (Encoding == WavEncoding.Pcm16)
        {
            throw new InvalidOperationException("The file holds PCM16, not G.711 codes.");
        }

        return ReadBytes(codes);
    }

    public void Dispose() => _stream.Dispose();

    private int ReadBytes(Span<byte> destination)
    {
        var want = (int)Math.Min(destination.Length, _remainingBytes);
        var total = 0;
        while (total < want)
        {
            var got = _stream.Read(destination[total..want]);
            if (got == 0)
            {
                break;
            }

            total += got;
        }

        _remainingBytes -= total;
        return total;
    }

    private void Decode(ReadOnlySpan<byte> bytes, Span<short> samples)
    {
        switch (Encoding)
        {
            case WavEncoding.MuLaw:
                MuLaw.Decode(bytes, samples);
                break;
            case WavEncoding.ALaw:
                ALaw.Decode(bytes, samples);
                break;
            default:
                for (var i = 0; i < samples.Length; i++)
                {
                    samples[i] = BinaryPrimitives.ReadInt16LittleEndian(bytes[(2 * i)..]);
                }

                break;
        }
    }
}
