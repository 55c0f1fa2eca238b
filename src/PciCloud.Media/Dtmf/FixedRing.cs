namespace PciCloud.Media.Dtmf;

/// <summary>
/// A fixed-capacity FIFO allocated once, by its first entry (events are rare: the storage stays out of the
/// way of the per-frame state until one happens). When full, the oldest entry is dropped: the hot path never
/// blocks on a slow reader (every reader here drains it after each chunk it feeds).
/// </summary>
internal sealed class FixedRing<T>(int capacity)
    where T : struct
{
    private T[]? _items;
    private int _head;
    private int _count;

    public void Write(in T item)
    {
        _items ??= new T[capacity];
        if (_count == _items.Length)
        {
            _head = (_head + 1) % _items.Length;
            _count--;
        }

        _items[(_head + _count) % _items.Length] = item;
        _count++;
    }

    public bool TryRead(out T item)
    {
        if (_count == 0)
        {
            item = default;
            return false;
        }

        item = _items![_head];
        _head = (_head + 1) % _items.Length;
        _count--;
        return true;
    }
}
