using Microsoft.Extensions.Logging;
using PciCloud.MaskingWorker.Calls;
using PciCloud.MaskingWorker.Diagnostics;
using PciCloud.Media.TelephoneEvents;

namespace PciCloud.MaskingWorker.Streams;

/// <summary>
/// One call's audio path, whatever the transport: every frame goes through the detector and masker,
/// the independent leak check watches what comes out, and every key press (in-band, RFC 4733 or
/// WebSocket dtmf, de-duplicated) goes to the CallGrain once with the call's next sequence number.
/// Fails closed: if the masker ever throws, the stream's output is silence from then on.
/// Not thread-safe: one stream is driven by one receive loop at a time.
/// </summary>
public sealed partial class MaskedAudioStream
{
    private readonly string _callId;
    private readonly IFrameMasker _masker;
    private readonly IOutputLeakCheck _leakCheck;
    private readonly KeyPressDelivery _delivery;
    private readonly WorkerMetrics _metrics;
    private readonly ILogger _logger;
    private readonly KeyPressDeduplicator _deduplicator = new();
    private readonly byte _silence;
    private readonly LeakCheckPace _pace;
    private long _uncheckedEnd = -1; // input sample where the last unchecked stretch ended (-1: none yet)
    private long _sequence;
    private long _samplesIn;
    private bool _faulted;
    private volatile bool _captureRequested; // set by the region's notification, on another thread
    private bool _capturing;                 // what the masker was told, on the media thread

    public MaskedAudioStream(
        string callId,
        AudioCodec codec,
        IFrameMasker masker,
        IOutputLeakCheck leakCheck,
        KeyPressDelivery delivery,
        WorkerMetrics metrics,
        ILogger logger,
        TimeProvider? time = null)
    {
        _callId = callId;
        _masker = masker;
        _leakCheck = leakCheck;
        _delivery = delivery;
        _metrics = metrics;
        _logger = logger;
        Codec = codec;
        _pace = new LeakCheckPace(time ?? TimeProvider.System);
        _silence = codec == AudioCodec.Pcma ? Media.Codecs.ALaw.Silence : Media.Codecs.MuLaw.Silence;
    }

    public AudioCodec Codec { get; }

    public MaskingEvidence Evidence { get; } = new();

    public int LookaheadSamples => _masker.LookaheadSamples;

    /// <summary>Input samples taken so far: the stream's clock (8 kHz).</summary>
    public long SamplesIn => _samplesIn;

    public bool IsFaulted => _faulted;

    /// <summary>True while the masker holds its sensitive mode because a payment session captures a field.</summary>
    public bool HoldsSensitive => _capturing;

    /// <summary>
    /// A payment session on the call started (or stopped) capturing a field. Thread-safe: the masker takes
    /// it before the next frame, on the media thread.
    /// </summary>
    public void CaptureChanged(bool capturing) => _captureRequested = capturing;

    /// <summary>Masks <paramref name="input"/> into <paramref name="output"/> (same length).</summary>
    public void Process(ReadOnlySpan<byte> input, Span<byte> output)
    {
        output = output[..input.Length];
        if (!_faulted)
        {
            try
            {
                if (_captureRequested != _capturing)
                {
                    _capturing = !_capturing;
                    _masker.HoldSensitive(_capturing);
                }

                _masker.ProcessFrame(input, output);
                DrainMasker();
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                Fault(ex);
            }
        }

        if (_faulted)
        {
            output.Fill(_silence);
            _metrics.Drop(DropReason.StreamFaulted);
        }

        _samplesIn += input.Length;
        ObserveOutput(input, output);
    }

    /// <summary>Masks unconditionally while a signalled key press (RFC 4733, WebSocket dtmf) is in progress.</summary>
    public void ForceMask(bool on)
    {
        if (_faulted)
        {
            return;
        }

        try
        {
            _masker.ForceMask(on);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            Fault(ex);
        }
    }

    /// <summary>The next frame does not continue the previous one (new RTP source, restart): the masker fails closed.</summary>
    public void Discontinuity()
    {
        if (_faulted)
        {
            return;
        }

        try
        {
            _masker.Discontinuity();
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            Fault(ex);
        }
    }

    /// <summary>A key press signalled out of band, at <paramref name="startSample"/> on this stream's clock.</summary>
    public void SignalledKeyPress(char digit, long startSample, int durationSamples, KeyPressTransport transport)
    {
        var source = transport == KeyPressTransport.WebSocketDtmf ? KeyPressSource.WebSocketDtmf : KeyPressSource.Rfc4733;
        Accept(new KeyPress(digit, startSample, Math.Max(0, durationSamples), source), transport);
    }

    /// <summary>Ends the stream: the leak check's last measurement counts too.</summary>
    public void Complete()
    {
        var leaks = _leakCheck.Flush();
        RecordLeaks(leaks);
    }

    private void DrainMasker()
    {
        while (_masker.TryReadMaskedSpan(out var spanStart, out var spanLength))
        {
            Evidence.SpanMasked(spanStart, spanLength);
        }

        while (_masker.TryReadKeyPress(out var digit, out var start, out var duration))
        {
            Evidence.ToneDetected(start, duration);
            Accept(new KeyPress(digit, start, duration, KeyPressSource.InBand), KeyPressTransport.InBand);
        }
    }

    private void Accept(in KeyPress keyPress, KeyPressTransport transport)
    {
        Evidence.TransportSeen(transport);
        if (!_deduplicator.TryAccept(keyPress))
        {
            return;
        }

        _sequence++;
        _metrics.Digit(transport);
        Evidence.KeyPressMasked(transport);
        _delivery.Enqueue(new KeyPressReport(keyPress.Key, _sequence, keyPress.StartSample / 8.0, keyPress.DurationSamples / 8.0, transport));
    }

    private void ObserveOutput(ReadOnlySpan<byte> input, ReadOnlySpan<byte> output)
    {
        var frameStart = _samplesIn - input.Length;
        if (_pace.Behind)
        {
            _pace.Skipped(input.Length);
            NotChecked(frameStart, input.Length, LeakCheckGap.Behind);
            return;
        }

        int leaks;
        var started = _pace.Start();
        try
        {
            leaks = _leakCheck.Observe(input, output);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            if (frameStart != _uncheckedEnd)
            {
                LogLeakCheckFailed(_logger, _callId, ex.GetType().Name);
            }

            NotChecked(frameStart, input.Length, LeakCheckGap.Failed);
            return;
        }
        finally
        {
            _pace.Checked(started, input.Length);
        }

        RecordLeaks(leaks);
    }

    // The evidence lists the stretch and is no longer verified; one log event per stretch (never audio or digits).
    private void NotChecked(long startSample, int samples, LeakCheckGap reason)
    {
        if (startSample != _uncheckedEnd && reason == LeakCheckGap.Behind)
        {
            LogLeakCheckBehind(_logger, _callId, startSample / 8.0, _pace.BacklogMs);
        }

        _uncheckedEnd = startSample + samples;
        Evidence.LeakCheckSkipped(startSample, samples);
        _metrics.LeakCheckGap(reason, samples / 8.0);
    }

    private void RecordLeaks(int leaks)
    {
        if (leaks > 0)
        {
            Evidence.LeaksFound(leaks);
            _metrics.Leak(leaks);
            LogLeak(_logger, _callId, leaks, _samplesIn / 8.0);
        }
    }

    private void Fault(Exception ex)
    {
        _faulted = true;
        LogFaulted(_logger, _callId, ex.GetType().Name);
    }

    [LoggerMessage(EventId = 2201, Level = LogLevel.Critical, Message = "Masking leak: the output check found {Leaks} key tone(s) in the output of call {CallId} near {AtMs} ms")]
    private static partial void LogLeak(ILogger logger, string callId, int leaks, double atMs);

    [LoggerMessage(EventId = 2202, Level = LogLevel.Error, Message = "Masker of call {CallId} failed ({Error}); its output is silence from now on")]
    private static partial void LogFaulted(ILogger logger, string callId, string error);

    [LoggerMessage(EventId = 2204, Level = LogLevel.Error, Message = "Output leak check of call {CallId} fell behind the audio at {AtMs} ms ({BacklogMs} ms behind); audio goes unchecked until it catches up")]
    private static partial void LogLeakCheckBehind(ILogger logger, string callId, double atMs, double backlogMs);

    [LoggerMessage(EventId = 2203, Level = LogLevel.Error, Message = "Output leak check of call {CallId} failed ({Error})")]
    private static partial void LogLeakCheckFailed(ILogger logger, string callId, string error);
}
