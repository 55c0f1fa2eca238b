namespace PciCloud.Media.Masking;

/// <summary>
/// The look-ahead buffer: a ring of the most recent input, both as PCM and as the original G.711 bytes,
/// addressed by stream position. Sized once for the look-ahead plus the largest frame.
/// </summary>
internal sealed class DelayLine(int capacity, int maxFrame)
{
    private readonly short[] _pcm = new short[capacity + maxFrame];
    private readonly byte[] _codes = new byte[capacity + maxFrame];

    public void Write(long position, ReadOnlySpan<short> samples) => Write(_pcm, position, samples);

    /// <summary>Stores the original bytes (what the G.711 path copies to the output).</summary>
    public void Write(long position, ReadOnlySpan<byte> codes) => Write(_codes, position, codes);

    public void Read(long position, Span<short> output) => Read(_pcm, position, output);

    public void Read(long position, Span<byte> output) => Read(_codes, position, output);

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
