using System.Runtime.CompilerServices;
using PciCloud.Media.Codecs;
using PciCloud.Media.Dtmf;

namespace PciCloud.Media.Masking;

/// <summary>
/// Detects and masks DTMF in one 8 kHz stream, frame by frame. The output is the input delayed by exactly
/// <see cref="LookaheadSamples"/>; every span that carries (or looks like it carries) a key tone is replaced,
/// from before its onset to a short hang-over after it, by the masking sound. Everything else passes bit-exact:
/// on the G.711 path the original bytes are copied, never decoded and re-encoded.
/// Input is analysed in steps of the analyzer's 51-sample hop and each frame is output after its analysis, with
/// every verdict applied before any sample it concerns leaves the look-ahead buffer. One instance per stream; not
/// thread-safe. Storage is allocated once: with the channel, by a PCM stream's first frame, and by the first key
/// press and masked span (the event queues); nothing per frame after that.
/// </summary>
public sealed class MaskingChannel
{
    private const int QueueCapacity = 16;

    // Constructed in the order one frame uses them, so a channel's hot state is one contiguous run of memory
    // (with 10 000 streams taking turns it is fetched from RAM on every frame).
    private readonly DtmfAnalyzer _analyzer;
    private readonly FixedRing<KeyPress> _keyPresses;
    private readonly KeyPressTracker _tracker;
    private readonly ToneRunTracker _toneRuns;
    private readonly PendingMaskSpans _pending;
    private readonly FixedRing<MaskedSpan> _maskedSpans;
    private readonly MaskingSignal _signal;
    private readonly DelayLine _delay;
    private readonly int _maxFrame;
    private const int Pcm = 1;
    private const int MuLawCodes = 2;
    private const int ALawCodes = 3;

    /// <summary>
    /// The input as floats, which only feed the analyzer: one buffer per thread serves every channel (and stays
    /// in cache however many streams take turns).
    /// </summary>
    [ThreadStatic]
    private static float[]? t_samples;

    private bool _forced;
    private int _encoding;

    public MaskingChannel(MaskingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        LookaheadSamples = DtmfSynth.Samples(options.LookaheadMilliseconds);
        _maxFrame = options.MaxFrameSamples;

        _analyzer = new DtmfAnalyzer();
        _keyPresses = new FixedRing<KeyPress>(QueueCapacity);
        _tracker = new KeyPressTracker(_keyPresses);

        // Mask from one hop before the block where the tone began (bounded by what the look-ahead
        // still holds); ToneRunTracker finds that block by looking back from the evidence.
        _toneRuns = new ToneRunTracker(
            DtmfAnalyzer.HalfSamples, DtmfSynth.Samples(options.HangoverMilliseconds), DtmfSynth.Samples(options.SensitiveAfterKeyPressMilliseconds));
        _pending = new PendingMaskSpans();
        _delay = new DelayLine(LookaheadSamples + _maxFrame);
        _maskedSpans = new FixedRing<MaskedSpan>(QueueCapacity);
        _signal = MaskingSignal.For(options.Sound, options.SoundLevelDbm0);
    }

    public int LookaheadSamples { get; }

    /// <summary>Key presses detected so far.</summary>
    public long KeyPressCount => _tracker.KeyPresses;

    /// <summary>Samples replaced by the masking sound so far.</summary>
    public long MaskedSampleCount { get; private set; }

    /// <summary>Completed masked spans so far.</summary>
    public long MaskedSpanCount { get; private set; }

    /// <summary>Input samples consumed so far.</summary>
    public long Position => _analyzer.Position;

    /// <summary>
    /// Out-of-band masking (e.g. while an RFC 4733 event is in progress): while on, all output is masked. Turning
    /// it on also counts as a key press for the masker's sensitivity (key entry is in progress, in band or not).
    /// </summary>
    public void ForceMask(bool on)
    {
        _forced = on;
        if (on)
        {
            _toneRuns.KeyPressSignalled(_analyzer.Position);
        }
    }

    /// <summary>
    /// Holds the sensitive (fail-closed) mode while on: a payment session is capturing a field, so a card digit
    /// may come at any moment, the first one included. Turning it off starts the usual hold after a key press
    /// (<see cref="MaskingOptions.SensitiveAfterKeyPressMilliseconds"/>) from here.
    /// </summary>
    public void HoldSensitive(bool on)
    {
        if (!on && _toneRuns.HoldSensitive)
        {
            _toneRuns.KeyPressSignalled(_analyzer.Position);
        }

        _toneRuns.HoldSensitive = on;
    }

    /// <summary>
    /// The audio that follows does not continue the audio before it (a new RTP source, a restarted stream): the
    /// analysis across the junction is unreliable, so the masker fails closed and stays sensitive for a while,
    /// as after a key press.
    /// </summary>
    public void Discontinuity() => _toneRuns.KeyPressSignalled(_analyzer.Position);

    public bool TryReadKeyPress(out KeyPress keyPress) => _keyPresses.TryRead(out keyPress);

    public bool TryReadMaskedSpan(out MaskedSpan span) => _maskedSpans.TryRead(out span);

    /// <summary>Masks one PCM frame; <paramref name="pcmOut"/> (same length) receives the delayed, masked audio.</summary>
    public void ProcessFrame(ReadOnlySpan<short> pcmIn, Span<short> pcmOut)
    {
        ValidateFrame(pcmIn.Length, pcmOut.Length, Pcm);
        PrefetchState(pcmIn.Length);
        var samples = Samples(pcmIn.Length);
        G711Float.Widen(pcmIn, samples);
        _delay.Write(Position, pcmIn);
        var start = Position;
        Analyze(samples);
        Emit(start - LookaheadSamples, pcmOut);
    }

    /// <summary>
    /// Masks one G.711 frame; <paramref name="g711Out"/> (same length) receives the delayed audio, with the
    /// original bytes where nothing is masked.
    /// </summary>
    public void ProcessFrame(ReadOnlySpan<byte> g711In, Span<byte> g711Out, G711Law law)
    {
        ValidateFrame(g711In.Length, g711Out.Length, law == G711Law.MuLaw ? MuLawCodes : ALawCodes);
        PrefetchState(g711In.Length);
        var samples = Samples(g711In.Length);
        G711Float.Decode(g711In, law, samples);
        _delay.Write(Position, g711In);
        var start = Position;
        Analyze(samples);
        Emit(start - LookaheadSamples, g711Out, law);
    }

    /// <summary>Starts fetching all the state this frame will use, so the misses overlap (see <see cref="CachePrefetch"/>).</summary>
    private void PrefetchState(int frameLength)
    {
        CachePrefetch.Object(_analyzer, 192);
        CachePrefetch.Object(_tracker, 128);
        CachePrefetch.Object(_toneRuns, 448);
        CachePrefetch.Object(_pending, 160);
        _delay.Prefetch(Position, frameLength, LookaheadSamples);
    }

    private static Span<float> Samples(int length) => (t_samples ??= new float[MaskingOptions.MaxFrameLimit]).AsSpan(0, length);

    /// <summary>
    /// Analyses a frame hop by hop. The frame is output after all of it is analysed, but each verdict masks only
    /// from the first sample that would already have been output had the frame been output hop by hop: so the
    /// output does not depend on how the input is split into frames.
    /// </summary>
    private void Analyze(ReadOnlySpan<float> samples)
    {
        while (!samples.IsEmpty)
        {
            var chunk = samples[..Math.Min(samples.Length, _analyzer.SamplesToBoundary)];
            samples = samples[chunk.Length..];
            if (_analyzer.Accumulate(chunk, out var block))
            {
                _tracker.OnBlock(block);
                if (_toneRuns.OnBlock(block, _tracker.InKeyPress, out var from, out var to))
                {
                    var nextOut = _analyzer.Position - chunk.Length - LookaheadSamples;
                    _pending.Mark(Math.Max(Math.Max(from, nextOut), 0), to);
                }
            }
        }
    }

    private void Emit(long position, Span<short> output)
    {
        while (!output.IsEmpty)
        {
            var run = NextRun(position, output.Length, out var masked);
            if (position < 0)
            {
                output[..run].Clear();
            }
            else if (masked)
            {
                _signal.Fill(position, output[..run]);
            }
            else
            {
                _delay.Read(position, output[..run]);
            }

            position += run;
            output = output[run..];
        }
    }

    private void Emit(long position, Span<byte> output, G711Law law)
    {
        while (!output.IsEmpty)
        {
            var run = NextRun(position, output.Length, out var masked);
            if (position < 0)
            {
                output[..run].Fill(law == G711Law.MuLaw ? MuLaw.Silence : ALaw.Silence);
            }
            else if (masked)
            {
                _signal.FillEncoded(position, output[..run], law);
            }
            else
            {
                _delay.Read(position, output[..run]);
            }

            position += run;
            output = output[run..];
        }
    }

    /// <summary>Length of the run starting at <paramref name="position"/> that is uniformly masked or not.</summary>
    private int NextRun(long position, int length, out bool masked)
    {
        if (position < 0)
        {
            masked = false;
            return (int)Math.Min(length, -position);
        }

        if (_forced)
        {
            _pending.Mark(position, position + length);
        }

        while (!_pending.IsEmpty && _pending.FrontEnd <= position)
        {
            var span = _pending.PopFront();
            _maskedSpans.Write(span);
            MaskedSpanCount++;
        }

        if (_pending.IsEmpty || position < _pending.FrontStart)
        {
            masked = false;
            return _pending.IsEmpty ? length : (int)Math.Min(length, _pending.FrontStart - position);
        }

        masked = true;
        var run = (int)Math.Min(length, _pending.FrontEnd - position);
        MaskedSampleCount += run;
        return run;
    }

    private void ValidateFrame(int inLength, int outLength, int encoding)
    {
        if (inLength != outLength || inLength > _maxFrame)
        {
            ThrowBadFrame(inLength, outLength, _maxFrame);
        }

        // The look-ahead holds audio in the encoding it arrived in: a stream cannot switch encodings.
        if (_encoding != encoding)
        {
            if (_encoding != 0)
            {
                ThrowEncodingChanged();
            }

            _encoding = encoding;
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowEncodingChanged() =>
        throw new InvalidOperationException("A masking channel carries one encoding (PCM, mu-law or A-law) for its whole life.");

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowBadFrame(int inLength, int outLength, int maxFrame) =>
        throw new ArgumentException($"Frames must have equal input and output lengths of at most {maxFrame} samples (got {inLength} in, {outLength} out).");
}
