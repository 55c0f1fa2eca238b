using PciCloud.Media.Codecs;

namespace PciCloud.Media.Dtmf;

/// <summary>
/// Streaming DTMF receiver for one 8 kHz stream (all 16 keys, ITU-T Q.24 AT&amp;T limits). Feed it PCM in
/// any chunk sizes; each key press is reported once, after it ends, with its start and duration.
/// No allocation after construction.
/// </summary>
public sealed class DtmfDetector
{
    private const int QueueCapacity = 64;

    private readonly DtmfAnalyzer _analyzer = new();
    private readonly FixedRing<KeyPress> _keyPresses = new(QueueCapacity);
    private readonly KeyPressTracker _tracker;

    public DtmfDetector() => _tracker = new KeyPressTracker(_keyPresses);

    /// <summary>Key presses reported so far.</summary>
    public long KeyPressCount => _tracker.KeyPresses;

    /// <summary>Samples consumed so far.</summary>
    public long Position => _analyzer.Position;

    /// <summary>True while a confirmed key press is still in progress.</summary>
    public bool InKeyPress => _tracker.InKeyPress;

    public void Process(ReadOnlySpan<short> samples)
    {
        Span<float> chunk = stackalloc float[DtmfAnalyzer.HalfSamples];
        while (!samples.IsEmpty)
        {
            var take = Math.Min(samples.Length, _analyzer.SamplesToBoundary);
            G711Float.Widen(samples[..take], chunk);
            if (_analyzer.Accumulate(chunk[..take], out var block))
            {
                _tracker.OnBlock(block);
            }

            samples = samples[take..];
        }
    }

    /// <summary>End of stream: reports a key press still in progress.</summary>
    public void Finish() => _tracker.Finish();

    /// <summary>Reads the oldest unread key press (a fixed queue of 64; the oldest is dropped when full).</summary>
    public bool TryReadKeyPress(out KeyPress keyPress) => _keyPresses.TryRead(out keyPress);
}
