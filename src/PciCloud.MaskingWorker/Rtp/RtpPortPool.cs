namespace PciCloud.MaskingWorker.Rtp;

/// <summary>The worker's UDP port range: which ports are taken by a call right now. Thread-safe.</summary>
public sealed class RtpPortPool
{
    private readonly int _first;
    private readonly bool[] _inUse;
    private readonly Lock _lock = new();
    private int _count;

    public RtpPortPool(int first, int last)
    {
        if (first is < 1 or > 65535 || last is < 1 or > 65535 || last < first)
        {
            throw new ArgumentOutOfRangeException(nameof(first), $"RTP port range {first}-{last} is not a valid range of UDP ports.");
        }

        _first = first;
        _inUse = new bool[last - first + 1];
    }

    public int First => _first;

    public int Last => _first + _inUse.Length - 1;

    public int InUse
    {
        get
        {
            lock (_lock)
            {
                return _count;
            }
        }
    }

    public bool Contains(int port) => port >= _first && port <= Last;

    /// <summary>Takes the port the region reserved for a call; false when outside the range or taken.</summary>
    public bool TryTake(int port)
    {
        if (!Contains(port))
        {
            return false;
        }

        lock (_lock)
        {
            if (_inUse[port - _first])
            {
                return false;
            }

            _inUse[port - _first] = true;
            _count++;
            return true;
        }
    }

    public void Release(int port)
    {
        if (!Contains(port))
        {
            return;
        }

        lock (_lock)
        {
            if (_inUse[port - _first])
            {
                _inUse[port - _first] = false;
                _count--;
            }
        }
    }
}
