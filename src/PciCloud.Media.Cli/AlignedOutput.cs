using PciCloud.Media.Wav;

namespace PciCloud.Media.Cli;

/// <summary>
/// Drops the first look-ahead samples of the masker's output (the delay it adds) and stops after the input's
/// length, so the written file lines up sample for sample with the input.
/// </summary>
internal sealed class AlignedOutput(WavWriter writer, int lookahead, long length)
{
    private long _skip = lookahead;
    private long _remaining = length;

    public bool Done => _remaining == 0;

    public void Write(ReadOnlySpan<short> samples) => Write(samples, writer.Write);

    public void Write(ReadOnlySpan<byte> codes) => Write(codes, writer.WriteCodes);

    private void Write<T>(ReadOnlySpan<T> items, WriteAction<T> write)
    {
        var skip = (int)Math.Min(_skip, items.Length);
        _skip -= skip;
        items = items[skip..];
        var take = (int)Math.Min(_remaining, items.Length);
        write(items[..take]);
        _remaining -= take;
    }

    private delegate void WriteAction<T>(ReadOnlySpan<T> items);
}
