namespace PciCloud.Media.Dtmf;

/// <summary>
/// Turns block verdicts (one every 51 samples) into key presses. A key starts after
/// <see cref="HitsToStart"/> consecutive hits of the same key: a block only hits when the tone fills about
/// 84 of its 102 samples, so 4 hits need a tone of at least ~34 ms and are guaranteed by 40 ms, while a
/// 27 ms tone gives at most 3 (Q.24: accept 40 ms, reject 23 ms). A key ends after
/// <see cref="MissesToEnd"/> consecutive blocks without it: a 10 ms interruption spoils at most 3 blocks
/// (bridged), a 40 ms pause at least 7 (a new key press).
/// </summary>
internal sealed class KeyPressTracker(FixedRing<KeyPress> output)
{
    public const int HitsToStart = 4;
    public const int MissesToEnd = 5;

    private int _current = -1;
    private long _currentStart;
    private long _lastHitEnd;
    private int _misses;
    private int _candidate = -1;
    private int _candidateRun;
    private long _candidateStart;

    public long KeyPresses { get; private set; }

    /// <summary>True while a key press is in progress (confirmed, not yet ended).</summary>
    public bool InKeyPress => _current >= 0;

    public void OnBlock(in DtmfBlock block)
    {
        var key = block.Key;
        if (_current >= 0 && key == _current)
        {
            _misses = 0;
            _lastHitEnd = block.End;
            _candidate = -1;
            _candidateRun = 0;
            return;
        }

        TrackCandidate(block);
        if (_current >= 0 && ++_misses >= MissesToEnd)
        {
            End();
        }

        if (_current < 0 && _candidateRun >= HitsToStart)
        {
            _current = _candidate;
            _currentStart = _candidateStart;
            _lastHitEnd = block.End;
            _misses = 0;
            _candidate = -1;
            _candidateRun = 0;
        }
    }

    /// <summary>End of stream: reports a key press still in progress.</summary>
    public void Finish()
    {
        if (_current >= 0)
        {
            End();
        }

        _candidate = -1;
        _candidateRun = 0;
    }

    private void TrackCandidate(in DtmfBlock block)
    {
        if (block.Key < 0)
        {
            _candidate = -1;
            _candidateRun = 0;
        }
        else if (block.Key == _candidate)
        {
            _candidateRun++;
        }
        else
        {
            _candidate = block.Key;
            _candidateRun = 1;
            _candidateStart = block.Start;
        }
    }

    private void End()
    {
        var digit = DtmfKeypad.KeyAt(_current >> 2, _current & 3);
        output.Write(new KeyPress(digit, _currentStart, (int)(_lastHitEnd - _currentStart)));
        KeyPresses++;
        _current = -1;
        _misses = 0;
    }
}
