using System.Diagnostics.Metrics;
using PciCloud.MaskingWorker.Calls;

namespace PciCloud.MaskingWorker.Diagnostics;

/// <summary>
/// The worker's metrics (meter <see cref="MeterName"/>), plus in-process totals that tests and the
/// stats endpoint read. Digit values are never a tag.
/// </summary>
public sealed class WorkerMetrics : IDisposable
{
    public const string MeterName = "PciCloud.MaskingWorker";

    private static readonly int DropReasonCount = Enum.GetValues<DropReason>().Length;

    private readonly Meter _meter;
    private readonly Counter<long> _packetsIn;
    private readonly Counter<long> _packetsOut;
    private readonly Counter<long> _lateFrames;
    private readonly Histogram<double> _addedDelay;
    private readonly Counter<long> _digits;
    private readonly Counter<long> _digitsLost;
    private readonly Counter<long> _leaks;
    private readonly Counter<long> _dropped;
    private readonly Counter<double> _leakCheckGaps;
    private double _uncheckedMsTotal;
    private readonly long[] _droppedTotals = new long[DropReasonCount];
    private long _activeStreams;
    private long _packetsInTotal;
    private long _packetsOutTotal;
    private long _lateTotal;
    private long _digitsTotal;
    private long _digitsLostTotal;
    private long _leaksTotal;

    public WorkerMetrics(IMeterFactory meterFactory)
    {
        _meter = meterFactory.Create(MeterName);
        _meter.CreateObservableUpDownCounter("pcicloud.worker.active_streams", () => Volatile.Read(ref _activeStreams), "{stream}", "Media streams being masked now");
        _packetsIn = _meter.CreateCounter<long>("pcicloud.worker.packets_in", "{packet}", "RTP packets and WebSocket media frames received");
        _packetsOut = _meter.CreateCounter<long>("pcicloud.worker.packets_out", "{packet}", "Masked packets and frames sent");
        _lateFrames = _meter.CreateCounter<long>("pcicloud.worker.frames_late", "{frame}", "Frames whose masked copy left later than the late threshold");
        _addedDelay = _meter.CreateHistogram<double>("pcicloud.worker.added_delay", "ms", "Processing delay added to a frame, beyond the look-ahead");
        _digits = _meter.CreateCounter<long>("pcicloud.worker.digits", "{keypress}", "Key presses detected (never the digit value)");
        _digitsLost = _meter.CreateCounter<long>("pcicloud.worker.digits_lost", "{keypress}", "Key presses the CallGrain could not be told about");
        _leaks = _meter.CreateCounter<long>("pcicloud.worker.leaks", "{leak}", "Key tones found in output audio by the independent check");
        _leakCheckGaps = _meter.CreateCounter<double>(
            "pcicloud.worker.leak_check_unchecked", "ms", "Audio the independent leak check did not see, by reason (failed, behind): that call's evidence is not verified");
        _dropped = _meter.CreateCounter<long>("pcicloud.worker.dropped", "{packet}", "Packets or frames not forwarded, by reason");
    }

    public long ActiveStreams => Volatile.Read(ref _activeStreams);

    public long PacketsIn => Volatile.Read(ref _packetsInTotal);

    public long PacketsOut => Volatile.Read(ref _packetsOutTotal);

    public long LateFrames => Volatile.Read(ref _lateTotal);

    public long Digits => Volatile.Read(ref _digitsTotal);

    public long DigitsLost => Volatile.Read(ref _digitsLostTotal);

    public long Leaks => Volatile.Read(ref _leaksTotal);

    /// <summary>Audio, ms, the leak check did not see on any call.</summary>
    public double UncheckedMs
    {
        get
        {
            lock (_meter)
            {
                return _uncheckedMsTotal;
            }
        }
    }

    public long Dropped(DropReason reason) => Volatile.Read(ref _droppedTotals[(int)reason]);

    public void StreamStarted() => Interlocked.Increment(ref _activeStreams);

    public void StreamEnded() => Interlocked.Decrement(ref _activeStreams);

    public void PacketIn(string transport)
    {
        Interlocked.Increment(ref _packetsInTotal);
        _packetsIn.Add(1, new KeyValuePair<string, object?>("transport", transport));
    }

    public void PacketsSent(int count)
    {
        Interlocked.Add(ref _packetsOutTotal, count);
        _packetsOut.Add(count);
    }

    /// <summary>Records the delay a frame spent in the worker; counts it late past the threshold.</summary>
    public void FrameDelay(double milliseconds, double lateThresholdMs)
    {
        _addedDelay.Record(milliseconds);
        if (milliseconds > lateThresholdMs)
        {
            Interlocked.Increment(ref _lateTotal);
            _lateFrames.Add(1);
        }
    }

    public void Digit(KeyPressTransport transport)
    {
        Interlocked.Increment(ref _digitsTotal);
        _digits.Add(1, new KeyValuePair<string, object?>("transport", transport.ToApiName()));
    }

    public void DigitLost()
    {
        Interlocked.Increment(ref _digitsLostTotal);
        _digitsLost.Add(1);
    }

    public void Leak(int count)
    {
        Interlocked.Add(ref _leaksTotal, count);
        _leaks.Add(count);
    }

    public void LeakCheckGap(LeakCheckGap reason, double milliseconds)
    {
        lock (_meter)
        {
            _uncheckedMsTotal += milliseconds;
        }

        _leakCheckGaps.Add(milliseconds, new KeyValuePair<string, object?>("reason", reason == Diagnostics.LeakCheckGap.Behind ? "behind" : "failed"));
    }

    public void Drop(DropReason reason)
    {
        Interlocked.Increment(ref _droppedTotals[(int)reason]);
        _dropped.Add(1, new KeyValuePair<string, object?>("reason", ReasonName(reason)));
    }

    public void Dispose() => _meter.Dispose();

    private static string ReasonName(DropReason reason) => reason switch
    {
        DropReason.Malformed => "malformed",
        DropReason.TooLarge => "too_large",
        DropReason.UnexpectedSource => "unexpected_source",
        DropReason.Duplicate => "duplicate",
        DropReason.Reordered => "reordered",
        DropReason.SequenceJump => "sequence_jump",
        DropReason.SendFailed => "send_failed",
        DropReason.UnknownPayloadType => "unknown_payload_type",
        DropReason.BadPayloadSize => "bad_payload_size",
        DropReason.TelephoneEventConsumed => "telephone_event",
        DropReason.StreamFaulted => "stream_faulted",
        DropReason.CoveredByMaskingTone => "covered_by_masking_tone",
        DropReason.SrtpAuthenticationFailed => "srtp_auth_failed",
        DropReason.SrtpRefused => "srtp_refused",
        DropReason.RateLimited => "rate_limited",
        DropReason.NotNegotiated => "not_negotiated",
        _ => "other",
    };
}
