using System.Runtime.CompilerServices;

namespace PciCloud.Media.Masking;

/// <summary>
/// The mask spans that the output has not yet passed, in stream order. Spans that touch or overlap are
/// merged; if the fixed capacity is ever exceeded the newest span absorbs the gap (fail closed: more is
/// masked, nothing is let through). The spans are stored inline, in the object the output path reads anyway.
/// </summary>
internal sealed class PendingMaskSpans
{
    private const int Capacity = 8;

    private Spans _spans;
    private int _head;
    private int _count;

    public bool IsEmpty => _count == 0;

    public long FrontStart => _spans[_head].Start;

    public long FrontEnd => _spans[_head].End;

    /// <summary>
    /// Masks [<paramref name="from"/>, <paramref name="to"/>). A span that starts before pending spans (forced
    /// masking at the output position while a tone ahead is already marked; an onset found further back) merges
    /// with all of them, gaps included: order is kept and nothing it covers is let through.
    /// </summary>
    public void Mark(long from, long to)
    {
        if (to <= from)
        {
            return;
        }

        while (_count > 0)
        {
            ref var last = ref _spans[(_head + _count - 1) % Capacity];
            if (from > last.End)
            {
                if (_count == Capacity)
                {
                    last.End = to;
                    return;
                }

                break;
            }

            from = Math.Min(from, last.Start);
            to = Math.Max(to, last.End);
            _count--;
        }

        _spans[(_head + _count) % Capacity] = new Bounds { Start = from, End = to };
        _count++;
    }

    public MaskedSpan PopFront()
    {
        var front = _spans[_head];
        _head = (_head + 1) % Capacity;
        _count--;
        return new MaskedSpan(front.Start, (int)(front.End - front.Start));
    }

    private struct Bounds
    {
        public long Start;
        public long End;
    }

    [InlineArray(Capacity)]
    private struct Spans
    {
        private Bounds _element;
    }
}
