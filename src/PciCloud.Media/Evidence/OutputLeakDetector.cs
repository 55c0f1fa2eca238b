namespace PciCloud.Media.Evidence;

/// <summary>
/// The masking evidence check: an independent, deliberately over-sensitive look for DTMF in
/// the audio a masker sends out. Every 10 ms it analyzes the last 25.6 ms (the dtmf_leak
/// reference analysis, see <see cref="OutputLeakDetectorOptions"/>) and calls a frame DTMF-like
/// when one low and one high tone dominate it; a run of
/// <see cref="OutputLeakDetectorOptions.MinConsecutiveFrames"/> such frames of the same key is one
/// leak. A single masking tone is not a pair and never counts. Known limit (measured, see the
/// tests): a sustained vowel whose harmonics fall on a DTMF pair also counts, as it does in the
/// dtmf_leak reference: 21 such runs in 148 s of espeak-ng speech (7 voices) at the defaults.
/// One instance per stream; not thread-safe; no allocation after construction. It never reports which key leaked.
/// </summary>
public sealed class OutputLeakDetector
{
    /// <summary>Samples between analyses: 10 ms at 8 kHz.</summary>
    public const int HopLength = 80;

    private const int WindowLength = DtmfFrameAnalyzer.WindowLength;
    private const int QueueCapacity = 8;

    private readonly DtmfFrameAnalyzer _analyzer;
    private readonly int _minFrames;
    private readonly float[] _ring = new float[WindowLength];
    private readonly OutputLeak[] _queue = new OutputLeak[QueueCapacity];
    private int _ringNext;
    private long _samples;
    private int _untilAnalysis = WindowLength;
    private int _runKey = -1;
    private int _runFrames;
    private long _runStart;
    private double _runPeak;
    private int _queueHead;
    private int _queueCount;

    public OutputLeakDetector(OutputLeakDetectorOptions? options = null)
    {
        options ??= new OutputLeakDetectorOptions();
        options.Validate();
        _analyzer = new DtmfFrameAnalyzer(options);
        _minFrames = options.MinConsecutiveFrames;
    }

    /// <summary>Samples taken so far.</summary>
    public long Samples => _samples;

    /// <summary>10 ms frames analyzed so far.</summary>
    public long FramesAnalyzed { get; private set; }

    /// <summary>Frames that looked like DTMF, including isolated ones too short to be a leak.</summary>
    public long DtmfLikeFrames { get; private set; }

    /// <summary>Leaks found: runs of enough consecutive DTMF-like frames. Must stay 0.</summary>
    public long Leaks { get; private set; }

    /// <summary>Completed leak records lost because <see cref="TryReadLeak"/> was not drained.</summary>
    public long DroppedLeakRecords { get; private set; }

    /// <summary>Takes the next chunk of output audio; returns how many leaks were confirmed in it.</summary>
    public int Process(ReadOnlySpan<short> samples)
    {
        var before = Leaks;
        var ring = _ring;
        var next = _ringNext;
        for (var i = 0; i < samples.Length; i++)
        {
            ring[next] = samples[i];
            next = next == WindowLength - 1 ? 0 : next + 1;
            if (--_untilAnalysis == 0)
            {
                _untilAnalysis = HopLength;
                AnalyzeFrame(next, _samples + i + 1);
            }
        }

        _ringNext = next;
        _samples += samples.Length;
        return (int)(Leaks - before);
    }

    /// <summary>Ends the current run (the stream ended), so its record can be read.</summary>
    public void Complete() => EndRun();

    /// <summary>Takes the next completed leak record, oldest first.</summary>
    public bool TryReadLeak(out OutputLeak leak)
    {
        if (_queueCount == 0)
        {
            leak = default;
            return false;
        }

        leak = _queue[_queueHead];
        _queueHead = (_queueHead + 1) % QueueCapacity;
        _queueCount--;
        return true;
    }

    private void AnalyzeFrame(int oldest, long windowEnd)
    {
        FramesAnalyzed++;
        var key = _analyzer.Analyze(_ring, oldest);
        if (key < 0)
        {
            EndRun();
            return;
        }

        DtmfLikeFrames++;
        if (key != _runKey)
        {
            EndRun();
            _runKey = key;
            _runStart = windowEnd - WindowLength;
            _runPeak = 0;
        }

        _runFrames++;
        _runPeak = Math.Max(_runPeak, _analyzer.LastTotalPower);
        if (_runFrames == _minFrames)
        {
            Leaks++;
        }
    }

    private void EndRun()
    {
        if (_runFrames >= _minFrames)
        {
            Enqueue(new OutputLeak(
                _runStart,
                _runStart + WindowLength + ((long)(_runFrames - 1) * HopLength),
                _runFrames,
                10 * Math.Log10(_runPeak / DtmfFrameAnalyzer.Dbm0Power)));
        }

        _runKey = -1;
        _runFrames = 0;
    }

    private void Enqueue(in OutputLeak leak)
    {
        if (_queueCount == QueueCapacity)
        {
            _queueHead = (_queueHead + 1) % QueueCapacity;
            _queueCount--;
            DroppedLeakRecords++;
        }

        _queue[(_queueHead + _queueCount) % QueueCapacity] = leak;
        _queueCount++;
    }
}
