namespace PciCloud.Media.TelephoneEvents;

/// <summary>
/// Reports a key press once when a phone sends it in more than one way (in-band tone and an
/// RFC 4733 event, or a WebSocket dtmf frame). Two presses are the same when they come from
/// different sources, carry the same key and overlap in time within a tolerance. Presses from
/// the same source are never merged: each source already reports each press once. One instance
/// per stream; not thread-safe; no allocation after construction.
/// </summary>
public sealed class KeyPressDeduplicator
{
    /// <summary>Default tolerance: 100 ms at 8 kHz, wider than the lag between a tone and its event.</summary>
    public const int DefaultToleranceSamples = 800;

    private const int HistoryLength = 16;

    private readonly int _tolerance;
    private readonly char[] _keys = new char[HistoryLength];
    private readonly long[] _starts = new long[HistoryLength];
    private readonly long[] _ends = new long[HistoryLength];
    private readonly byte[] _sources = new byte[HistoryLength]; // bit mask of KeyPressSource values seen
    private int _count;
    private int _next;

    public KeyPressDeduplicator(int toleranceSamples = DefaultToleranceSamples)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(toleranceSamples);
        _tolerance = toleranceSamples;
    }

    /// <summary>Key presses accepted as new.</summary>
    public long Accepted { get; private set; }

    /// <summary>Key presses recognised as another source's report of an accepted one.</summary>
    public long Duplicates { get; private set; }

    /// <summary>True when <paramref name="press"/> is new and should be reported; false when it was already reported.</summary>
    public bool TryAccept(in KeyPress press)
    {
        var sourceBit = (byte)(1 << (int)press.Source);
        for (var i = 0; i < _count; i++)
        {
            if (_keys[i] == press.Key
                && (_sources[i] & sourceBit) == 0
                && press.StartSample <= _ends[i] + _tolerance
                && _starts[i] <= press.EndSample + _tolerance)
            {
                _sources[i] |= sourceBit;
                _starts[i] = Math.Min(_starts[i], press.StartSample);
                _ends[i] = Math.Max(_ends[i], press.EndSample);
                Duplicates++;
                return false;
            }
        }

        _keys[_next] = press.Key;
        _starts[_next] = press.StartSample;
        _ends[_next] = press.EndSample;
        _sources[_next] = sourceBit;
        _next = (_next + 1) % HistoryLength;
        _count = Math.Min(_count + 1, HistoryLength);
        Accepted++;
        return true;
    }
}
