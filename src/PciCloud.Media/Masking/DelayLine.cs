namespace PciCloud.Media.Masking;

/// <summary>
/// The look-ahead buffer: a ring of the most recent input, as PCM or as the original G.711 bytes (a stream
/// carries one encoding), addressed by stream position. A frame is written before the samples up to a
/// look-ahead behind its start are read, so the ring holds the look-ahead plus the largest frame. The ring for
/// the stream's encoding is allocated by its first frame, once.
/// </summary>
internal sealed class DelayLine(int capacity)
{
    private short[]? _pcm;
    private byte[]? _codes;

    public void Write(long position, ReadOnlySpan<short> samples) => Write(_pcm ??= new short[capacity], position, samples);

    /// <summary>Stores the original bytes (what the G.711 path copies to the output).</summary>
    public void Write(long position, ReadOnlySpan<byte> codes) => Write(_codes ??= new byte[capacity], position, codes);

    public void Read(long position, Span<short> output) => Read(_pcm!, position, output);

    public void Read(long position, Span<byte> output) => Read(_codes!, position, output);

    private static void Write<T>(T[] ring, long position, ReadOnlySpan<T> items)
    {
        var offset = (int)(position % ring.Length);
        var first = Math.Min(items.Length, ring.Length - offset);
        items[..first].CopyTo(ring.AsSpan(offset));
        items[first..].CopyTo(ring);
    }

    private static void Read<T>(T[] ring, long position, Span<T> output)
    {
        var offset = (int)(position % ring.Length);
        var first = Math.Min(output.Length, ring.Length - offset);
        ring.AsSpan(offset, first).CopyTo(output);
        ring.AsSpan(0, output.Length - first).CopyTo(output[first..]);
    }
}
