namespace PciCloud.Media.Rtp;

/// <summary>
/// Per-stream sequence number tracking after RFC 3550 Appendix A.1: 16-bit wrap (extended
/// sequence numbers), dropouts, reordering, restarts and source validation (probation).
/// Beyond A.1 it tells duplicates from late packets with a 128-packet history, and does
/// not count duplicates as received. One instance per stream; not thread-safe; no allocation.
/// </summary>
public sealed class RtpSequenceTracker
{
    /// <summary>The largest forward jump still taken as loss rather than a restart (A.1).</summary>
    public const int DefaultMaxDropout = 3000;

    /// <summary>The largest backward step still taken as reordering (A.1); below the history length.</summary>
    public const int DefaultMaxMisorder = 100;

    /// <summary>Packets in sequence needed before a new source is valid (A.1).</summary>
    public const int DefaultMinSequential = 2;

    private const int SequenceModulus = 1 << 16;
    private const int HistoryLength = 128;

    private readonly int _maxDropout;
    private readonly int _maxMisorder;
    private readonly int _minSequential;
    private bool _hasSource;
    private uint _ssrc;
    private ushort _maxSequence;
    private int _badSequence;
    private int _probation;
    private long _cycles;
    private long _baseSequence;
    private UInt128 _history; // bit i: packet (max - i) seen

    public RtpSequenceTracker(
        int maxDropout = DefaultMaxDropout, int maxMisorder = DefaultMaxMisorder, int minSequential = DefaultMinSequential)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxDropout, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxDropout, SequenceModulus / 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxMisorder, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(maxMisorder, HistoryLength);
        ArgumentOutOfRangeException.ThrowIfLessThan(minSequential, 1);
        _maxDropout = maxDropout;
        _maxMisorder = maxMisorder;
        _minSequential = minSequential;
    }

    /// <summary>The SSRC being tracked (valid once a packet has been seen).</summary>
    public uint Ssrc => _ssrc;

    /// <summary>True once the current source has passed probation.</summary>
    public bool IsSourceValid => _hasSource && _probation == 0;

    /// <summary>Highest sequence number seen, extended with the wrap count (A.1 cycles + max_seq).</summary>
    public long ExtendedHighestSequence => _cycles + _maxSequence;

    /// <summary>Packets expected from the current source since it became valid (A.3).</summary>
    public long Expected => IsSourceValid ? ExtendedHighestSequence - _baseSequence + 1 : 0;

    /// <summary>Valid packets received from the current source, duplicates excluded.</summary>
    public long Received { get; private set; }

    /// <summary>Expected minus received, never below 0 (late packets from before the base can make it so).</summary>
    public long Lost => Math.Max(0, Expected - Received);

    /// <summary>For <see cref="RtpSequenceResult.AfterGap"/>: how many sequence numbers were skipped.</summary>
    public int LastGap { get; private set; }

    public long Duplicates { get; private set; }

    public long LatePackets { get; private set; }

    public long BadJumps { get; private set; }

    public long Resynchronizations { get; private set; }

    public long SourceChanges { get; private set; }

    public long ProbationPackets { get; private set; }

    /// <summary>
    /// Takes one packet's SSRC and sequence number. Returns true when the packet should be
    /// used (in order, after a gap, late, or resynchronized), false when it should be dropped.
    /// </summary>
    public bool Update(uint ssrc, ushort sequence, out RtpSequenceResult result)
    {
        LastGap = 0;
        if (!_hasSource || ssrc != _ssrc)
        {
            if (_hasSource)
            {
                SourceChanges++;
            }

            StartSource(ssrc, sequence);
            var valid = Probation(sequence);
            result = RtpSequenceResult.SourceChanged;
            return valid;
        }

        if (_probation > 0)
        {
            var valid = Probation(sequence);
            result = valid ? RtpSequenceResult.InOrder : RtpSequenceResult.Probation;
            return valid;
        }

        var delta = (ushort)(sequence - _maxSequence);
        if (delta == 0)
        {
            return Duplicate(out result);
        }

        if (delta < _maxDropout)
        {
            if (sequence < _maxSequence)
            {
                _cycles += SequenceModulus;
            }

            _maxSequence = sequence;
            _history = delta >= HistoryLength ? UInt128.One : (_history << delta) | UInt128.One;
            Received++;
            LastGap = delta - 1;
            result = delta == 1 ? RtpSequenceResult.InOrder : RtpSequenceResult.AfterGap;
            return true;
        }

        if (delta <= SequenceModulus - _maxMisorder)
        {
            return Jump(sequence, out result);
        }

        var back = SequenceModulus - delta;
        var bit = UInt128.One << back;
        if ((_history & bit) != UInt128.Zero)
        {
            return Duplicate(out result);
        }

        _history |= bit;
        Received++;
        LatePackets++;
        result = RtpSequenceResult.Late;
        return true;
    }

    private bool Jump(ushort sequence, out RtpSequenceResult result)
    {
        if (sequence == _badSequence)
        {
            // Two sequential packets after a big jump: the sender restarted without telling us.
            Resynchronizations++;
            InitSequence(sequence);
            Received = 1;
            result = RtpSequenceResult.Resynchronized;
            return true;
        }

        _badSequence = (sequence + 1) & (SequenceModulus - 1);
        BadJumps++;
        result = RtpSequenceResult.BadJump;
        return false;
    }

    private bool Duplicate(out RtpSequenceResult result)
    {
        Duplicates++;
        result = RtpSequenceResult.Duplicate;
        return false;
    }

    private void StartSource(uint ssrc, ushort sequence)
    {
        _hasSource = true;
        _ssrc = ssrc;
        InitSequence(sequence);
        Received = 0;
        _maxSequence = (ushort)(sequence - 1);
        _probation = _minSequential;
    }

    // A.1 probation: MIN_SEQUENTIAL packets in sequence make the source valid.
    private bool Probation(ushort sequence)
    {
        if (sequence == (ushort)(_maxSequence + 1))
        {
            _probation--;
            _maxSequence = sequence;
            if (_probation == 0)
            {
                InitSequence(sequence);
                Received = 1;
                return true;
            }
        }
        else
        {
            _probation = _minSequential - 1;
            _maxSequence = sequence;
        }

        ProbationPackets++;
        return false;
    }

    private void InitSequence(ushort sequence)
    {
        _baseSequence = sequence;
        _maxSequence = sequence;
        _badSequence = SequenceModulus + 1;
        _cycles = 0;
        _history = UInt128.One;
    }
}
