namespace PciCloud.Media.Evidence;

/// <summary>
/// The masking evidence check as dtmf_leak does it, over a live stream: tone spans are found in
/// the INPUT with strict settings (pair &gt;= 50 % of the power, 10 dB in-group dominance,
/// &gt;= -45 dBm0, 3 consecutive 10 ms frames), and the OUTPUT is searched with the sensitive
/// settings of <see cref="OutputLeakDetectorOptions"/> within each span +- a pad. An output frame
/// that spells the span's key is a leak frame; a run of
/// <see cref="OutputLeakDetectorOptions.MinConsecutiveFrames"/> of them is one leak.
/// Why not the output alone: a sustained vowel whose harmonics sit on a DTMF pair is DTMF-like by
/// every sensitive criterion (see <see cref="OutputLeakDetector"/>), so an output-only check
/// reports "leaks" on ordinary speech. Anchoring on the input's tones keeps the check as
/// sensitive inside tone spans and silent elsewhere.
/// One instance per stream; feed input and output in step (output delayed by the masker's
/// look-ahead); not thread-safe; no allocation after construction; never reports which key.
/// </summary>
public sealed class ReferencedLeakCheck
{
    private const int Hop = OutputLeakDetector.HopLength;
    private const int History = 512;
    private const int PendingCapacity = 64;
    private const int SpanMinFrames = 3;

    private static readonly OutputLeakDetectorOptions StrictInput = new()
    {
        FloorDbm0 = -45, PairRatioDb = -3, DominanceDb = 10, TwistDb = 10,
    };

    private readonly SlidingDtmfFrames _input = new(StrictInput);
    private readonly SlidingDtmfFrames _output;
    private readonly int _delayFrames;
    private readonly int _padFrames;
    private readonly int _minLeakFrames;
    private readonly sbyte[] _spanKeys = new sbyte[History];
    private readonly (long Frame, int Key)[] _pending = new (long, int)[PendingCapacity];
    private int _pendingHead;
    private int _pendingCount;
    private int _runKey = -1;
    private long _runLastFrame = -2;
    private int _runFrames;
    private int _inputRunKey = -1;
    private int _inputRunFrames;

    /// <param name="outputDelaySamples">How far the output lags the input (the masker's look-ahead).</param>
    /// <param name="options">The sensitive output criteria.</param>
    /// <param name="padMs">How far around an input span the output is searched (dtmf_leak: 50 ms).</param>
    public ReferencedLeakCheck(int outputDelaySamples, OutputLeakDetectorOptions? options = null, int padMs = 50)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(outputDelaySamples);
        ArgumentOutOfRangeException.ThrowIfNegative(padMs);
        options ??= new OutputLeakDetectorOptions();
        options.Validate();
        _output = new SlidingDtmfFrames(options);
        _minLeakFrames = options.MinConsecutiveFrames;
        _delayFrames = (outputDelaySamples + (Hop / 2)) / Hop;
        _padFrames = ((padMs * 8) + Hop - 1) / Hop;
        Array.Fill(_spanKeys, (sbyte)-1);
    }

    /// <summary>Leaks found so far: runs of output frames spelling an input tone's key. Must stay 0.</summary>
    public long Leaks { get; private set; }

    /// <summary>Tone spans found in the input (each a key press, or a tone too short to count as one).</summary>
    public long InputToneSpans { get; private set; }

    /// <summary>Takes the next chunk of the original (input) audio; returns the leaks it let the check confirm.</summary>
    public int ProcessInput(ReadOnlySpan<short> samples)
    {
        var before = Leaks;
        for (var i = 0; i < samples.Length; i++)
        {
            if (_input.Push(samples[i], out var frame, out var key))
            {
                TrackInputSpan(frame, key);
                EvaluateReadyOutput();
            }
        }

        return (int)(Leaks - before);
    }

    /// <summary>Takes the next chunk of the output audio; returns the leaks confirmed by this call.</summary>
    public int ProcessOutput(ReadOnlySpan<short> samples)
    {
        var before = Leaks;
        for (var i = 0; i < samples.Length; i++)
        {
            if (_output.Push(samples[i], out var frame, out var key) && key >= 0)
            {
                if (_pendingCount == PendingCapacity)
                {
                    EvaluateOldestPending();
                }

                _pending[(_pendingHead + _pendingCount) % PendingCapacity] = (frame - _delayFrames, key);
                _pendingCount++;
            }
        }

        EvaluateReadyOutput();
        return (int)(Leaks - before);
    }

    /// <summary>The stream ended: judges every output frame still waiting for input; returns the new leaks.</summary>
    public int Complete()
    {
        var before = Leaks;
        while (_pendingCount > 0)
        {
            EvaluateOldestPending();
        }

        return (int)(Leaks - before);
    }

    private void TrackInputSpan(long frame, int key)
    {
        _spanKeys[frame % History] = -1;
        if (key < 0 || key != _inputRunKey)
        {
            _inputRunKey = key;
            _inputRunFrames = key < 0 ? 0 : 1;
            return;
        }

        _inputRunFrames++;
        if (_inputRunFrames < SpanMinFrames)
        {
            return;
        }

        if (_inputRunFrames == SpanMinFrames)
        {
            InputToneSpans++;
        }

        // The run is a span now: mark it, including the frames before it was confirmed.
        var from = _inputRunFrames == SpanMinFrames ? frame - SpanMinFrames + 1 : frame;
        for (var f = from; f <= frame; f++)
        {
            _spanKeys[f % History] = (sbyte)key;
        }
    }

    // An output frame can be judged once the input is known up to its pad plus the span confirmation.
    private void EvaluateReadyOutput()
    {
        while (_pendingCount > 0 && _input.Frames > _pending[_pendingHead].Frame + _padFrames + SpanMinFrames)
        {
            EvaluateOldestPending();
        }
    }

    private void EvaluateOldestPending()
    {
        var (frame, key) = _pending[_pendingHead];
        _pendingHead = (_pendingHead + 1) % PendingCapacity;
        _pendingCount--;
        if (!NearInputSpanOf(frame, key))
        {
            return;
        }

        var continues = key == _runKey && frame == _runLastFrame + 1;
        _runFrames = continues ? _runFrames + 1 : 1;
        _runKey = key;
        _runLastFrame = frame;
        if (_runFrames == _minLeakFrames)
        {
            Leaks++;
        }
    }

    private bool NearInputSpanOf(long frame, int key)
    {
        var from = Math.Max(0, frame - _padFrames);
        var to = Math.Min(_input.Frames - 1, frame + _padFrames);
        from = Math.Max(from, _input.Frames - History);
        for (var f = from; f <= to; f++)
        {
            if (_spanKeys[f % History] == key)
            {
                return true;
            }
        }

        return false;
    }
}
