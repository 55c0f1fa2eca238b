namespace PciCloud.Media.Dtmf;

/// <summary>
/// Turns block verdicts (one every 51 samples) into key presses. A key starts after <see cref="HitsToStart"/>
/// strict hits of the same key: a block only hits when the tone fills about 84 of its 102 samples, so 4 hits
/// need a tone of at least ~34 ms and are guaranteed by 40 ms, while a 27 ms tone gives at most 3 (Q.24:
/// accept 40 ms, reject 23 ms). Between those hits, up to <see cref="MaxStartBridge"/> consecutive blocks in
/// which the same pair still dominates but fails a strict test (speech over the tone) are tolerated.
/// A block that passes every strict test except the energy fraction, with tones as loud as in the key's
/// clean hits, counts as a hit too (speech over a tone; a partly filled block is quieter, so it cannot pass).
/// The mean frequency offsets over those hits must be within <see cref="DtmfThresholds.MaxFrequencyOffset"/>.
/// A key ends after <see cref="MissesToEnd"/> consecutive blocks in which its pair no longer dominates: a
/// 10 ms interruption spoils at most 3 blocks (bridged), a 40 ms pause at least 7 (a new key press).
/// </summary>
internal sealed class KeyPressTracker(FixedRing<KeyPress> output)
{
    public const int HitsToStart = 4;
    public const int MaxStartBridge = 2;
    public const int MissesToEnd = 5;

    private int _current = -1;
    private long _currentStart;
    private long _lastHitEnd;
    private int _misses;
    private int _candidate = -1;
    private int _candidateHits;
    private int _candidateBridge;
    private long _candidateStart;
    private float _candidateRowOffsets;
    private float _candidateColumnOffsets;
    private float _candidateRowPower;
    private float _candidateColumnPower;

    public long KeyPresses { get; private set; }

    /// <summary>True while a key press is in progress (confirmed, not yet ended).</summary>
    public bool InKeyPress => _current >= 0;

    public void OnBlock(in DtmfBlock block)
    {
        if (_current >= 0 && (block.Key == _current || block.LikelyKey == _current))
        {
            _misses = 0;
            if (block.Key == _current)
            {
                _lastHitEnd = block.End;
            }

            ResetCandidate();
            return;
        }

        TrackCandidate(block);
        if (_current >= 0 && ++_misses >= MissesToEnd)
        {
            End();
        }

        if (_current < 0 && _candidateHits >= HitsToStart && CandidateOnFrequency())
        {
            _current = _candidate;
            _currentStart = _candidateStart;
            _lastHitEnd = block.End;
            _misses = 0;
            ResetCandidate();
        }
    }

    /// <summary>End of stream: reports a key press still in progress.</summary>
    public void Finish()
    {
        if (_current >= 0)
        {
            End();
        }

        ResetCandidate();
    }

    private void TrackCandidate(in DtmfBlock block)
    {
        if (block.Key >= 0 && block.Key == _candidate)
        {
            AddHit(block.Pair);
        }
        else if (block.Key >= 0)
        {
            ResetCandidate();
            _candidate = block.Key;
            _candidateStart = block.Start;
            AddHit(block.Pair);
        }
        else if (_candidate >= 0 && block.SoftKey == _candidate && IsAsLoudAsCandidate(block.Pair))
        {
            // Speech over the tone lowered the energy fraction, but the tones are at full level: a hit.
            AddHit(block.Pair);
        }
        else if (_candidate >= 0 && block.LikelyKey == _candidate && ++_candidateBridge <= MaxStartBridge)
        {
            // The pair still dominates but failed a strict test: keep the candidate, count nothing.
        }
        else
        {
            ResetCandidate();
        }
    }

    private void AddHit(in PairMeasure pair)
    {
        _candidateHits++;
        _candidateBridge = 0;
        _candidateRowOffsets += pair.RowOffset;
        _candidateColumnOffsets += pair.ColumnOffset;
        _candidateRowPower = MathF.Max(_candidateRowPower, pair.RowPower);
        _candidateColumnPower = MathF.Max(_candidateColumnPower, pair.ColumnPower);
    }

    /// <summary>Both tones within 1.5 dB of the loudest clean hit: a DTMF tone keeps its level, speech does not.</summary>
    private bool IsAsLoudAsCandidate(in PairMeasure pair) =>
        IsWithin(pair.RowPower, _candidateRowPower) && IsWithin(pair.ColumnPower, _candidateColumnPower);

    private static bool IsWithin(float power, float reference) =>
        power >= reference * DtmfThresholds.SoftMinRelativePower
        && power * DtmfThresholds.SoftMinRelativePower <= reference;

    private bool CandidateOnFrequency()
    {
        var row = _candidateRowOffsets / _candidateHits;
        var column = _candidateColumnOffsets / _candidateHits;
        const float Combined = DtmfThresholds.MaxCombinedFrequencyOffset;
        return MathF.Abs(row) <= DtmfThresholds.MaxFrequencyOffset
            && MathF.Abs(column) <= DtmfThresholds.MaxFrequencyOffset
            && (row * row) + (column * column) <= Combined * Combined;
    }

    private void ResetCandidate()
    {
        _candidate = -1;
        _candidateHits = 0;
        _candidateBridge = 0;
        _candidateRowOffsets = 0;
        _candidateColumnOffsets = 0;
        _candidateRowPower = 0;
        _candidateColumnPower = 0;
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
