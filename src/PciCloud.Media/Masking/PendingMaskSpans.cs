namespace PciCloud.Media.Masking;

/// <summary>
/// The mask spans that the output has not yet passed, in stream order. Spans that touch or overlap are
/// merged; if the fixed capacity is ever exceeded the newest span absorbs the gap (fail closed: more is
/// masked, nothing is let through).
/// </summary>
internal sealed class PendingMaskSpans
{
    private const int Capacity = 8;

    private readonly long[] _start = new long[Capacity];
    private readonly long[] _end = new long[Capacity];
    private int _head;
    private int _count;

    public bool IsEmpty => _count == 0;

    public long FrontStart => _start[_head];

    public long FrontEnd => _end[_head];

    /// <summary>Masks [<paramref name="from"/>, <paramref name="to"/>).</summary>
    public void Mark(long from, long to)
    {
        if (to <= from)
        {
            return;
        }

        if (_count > 0)
        {
            var last = (_head + _count - 1) % Capacity;
            if (from <= _end[last] || _count == Capacity)
            {
                _end[last] = Math.Max(_end[last], to);
                return;
            }
        }

        var slot = (_head + _count) % Capacity;
        _start[slot] = from;
        _end[slot] = to;
        _count++;
    }

    public MaskedSpan PopFront()
    {
        var span = new MaskedSpan(_start[_head], (int)(_end[_head] - _start[_head]));
        _head = (_head + 1) % Capacity;
        _count--;
        return span;
    }
}
