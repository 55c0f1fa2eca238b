using System.Runtime.InteropServices;

namespace PciCloud.Media.Masking;

/// <summary>
/// The look-ahead buffer: a ring of the most recent input, as PCM or as the original G.711 bytes (a stream
/// carries one encoding), addressed by stream position. A frame is written before the samples up to a
/// look-ahead behind its start are read, so the ring holds the look-ahead plus the largest frame. The buffer is
/// allocated with the channel (beside its other state) for G.711, the masking worker's encoding; a stream
/// whose first frame is PCM replaces it once with one twice the size, used as shorts.
/// </summary>
internal sealed class DelayLine(int capacity)
{
    private byte[] _buffer = new byte[capacity];

    public void Write(long position, ReadOnlySpan<short> samples) => Write(Pcm, position, samples);

    /// <summary>Stores the original bytes (what the G.711 path copies to the output).</summary>
    public void Write(long position, ReadOnlySpan<byte> codes) => Write(Codes, position, codes);

    public void Read(long position, Span<short> output) => Read(Pcm, position, output);

    /// <summary>Starts fetching the ring where a frame at <paramref name="position"/> writes and reads (up to the ring's end).</summary>
    public void Prefetch(long position, int length, int lookahead)
    {
        var itemSize = _buffer.Length / capacity; // 1: G.711 codes, 2: PCM samples
        var write = (int)(position % capacity);
        var read = (int)((position + capacity - lookahead) % capacity);
        CachePrefetch.Range(_buffer, write * itemSize, Math.Min(length, capacity - write) * itemSize);
        CachePrefetch.Range(_buffer, read * itemSize, Math.Min(length, capacity - read) * itemSize);
    }

    public void Read(long position, Span<byte> output) => Read(Codes, position, output);

    private Span<short> Pcm
    {
        get
        {
            if (_buffer.Length < capacity * sizeof(short))
            {
                _buffer = new byte[capacity * sizeof(short)];
            }

            return MemoryMarshal.Cast<byte, short>(_buffer.AsSpan());
        }
    }

    private Span<byte> Codes => _buffer.AsSpan(0, capacity);

    private static void Write<T>(Span<T> ring, long position, ReadOnlySpan<T> items)
    {
        var offset = (int)(position % ring.Length);
        var first = Math.Min(items.Length, ring.Length - offset);
        items[..first].CopyTo(ring[offset..]);
        items[first..].CopyTo(ring);
    }

    private static void Read<T>(Span<T> ring, long position, Span<T> output)
    {
        var offset = (int)(position % ring.Length);
        var first = Math.Min(output.Length, ring.Length - offset);
        ring.Slice(offset, first).CopyTo(output);
        ring[..(output.Length - first)].CopyTo(output[first..]);
    }
}
