using PciCloud.MaskingWorker.Calls;

namespace PciCloud.MaskingWorker.Streams;

/// <summary>
/// One call's masking evidence: key presses masked, transports seen, leaks the independent check
/// found in the output, masked spans and the worst onset (tone start to masking start). Written by
/// the stream's media path, read as a snapshot by the reporter; events are rare, so a lock is cheap.
/// </summary>
public sealed class MaskingEvidence
{
    /// <summary>Spans kept per call; a call with more keeps counting but lists only the first ones.</summary>
    public const int MaxSpans = 512;

    private const double SamplesPerMs = 8.0;
    private const int RecentKeyPresses = 16;

    private readonly Lock _lock = new();
    private readonly List<MaskedSpanMs> _spans = [];
    private readonly List<MaskedSpanMs> _unchecked = [];
    private readonly HashSet<KeyPressTransport> _transports = [];
    private readonly Dictionary<KeyPressTransport, int> _masked = [];
    private readonly (long Start, long End)[] _recentTones = new (long, long)[RecentKeyPresses];
    private readonly (long Start, long End)[] _recentSpans = new (long, long)[RecentKeyPresses];
    private int _toneCount;
    private int _spanCount;
    private int _keyPresses;
    private int _leaks;
    private double _uncheckedMs;
    private double _worstOnsetMs;
    private long _version;

    /// <summary>Changes whenever the evidence does; the reporter sends only new versions.</summary>
    public long Version => Volatile.Read(ref _version);

    public int Leaks
    {
        get
        {
            lock (_lock)
            {
                return _leaks;
            }
        }
    }

    /// <summary>A key press was masked; <paramref name="transport"/> is the way it was first reported.</summary>
    public void KeyPressMasked(KeyPressTransport transport)
    {
        lock (_lock)
        {
            _keyPresses++;
            _masked[transport] = _masked.GetValueOrDefault(transport) + 1;
            _version++;
        }
    }

    /// <summary>
    /// The output check did not look at these input samples (it threw on them, or was skipped to catch up with
    /// the audio): the call's evidence is incomplete, and the stretch is listed (adjacent stretches merge).
    /// </summary>
    public void LeakCheckSkipped(long startSample, int lengthSamples)
    {
        lock (_lock)
        {
            var startMs = startSample / SamplesPerMs;
            var lengthMs = lengthSamples / SamplesPerMs;
            if (_unchecked.Count > 0 && Math.Abs(_unchecked[^1].StartMs + _unchecked[^1].DurationMs - startMs) < 0.001)
            {
                _unchecked[^1] = _unchecked[^1] with { DurationMs = _unchecked[^1].DurationMs + lengthMs };
            }
            else if (_unchecked.Count < MaxSpans)
            {
                _unchecked.Add(new MaskedSpanMs(startMs, lengthMs));
            }

            _uncheckedMs += lengthMs;
            _version++;
        }
    }

    /// <summary>A key press arrived this way (also when another way already reported it).</summary>
    public void TransportSeen(KeyPressTransport transport)
    {
        lock (_lock)
        {
            if (_transports.Add(transport))
            {
                _version++;
            }
        }
    }

    /// <summary>An in-band tone (input samples): its onset is compared with the masked span that covers it.</summary>
    public void ToneDetected(long startSample, int durationSamples)
    {
        lock (_lock)
        {
            var tone = (startSample, startSample + durationSamples);
            _recentTones[_toneCount++ % RecentKeyPresses] = tone;
            for (var i = 0; i < Math.Min(_spanCount, RecentKeyPresses); i++)
            {
                MeasureOnset(tone, _recentSpans[i]);
            }

            _version++;
        }
    }

    /// <summary>A span the masker replaced (input samples).</summary>
    public void SpanMasked(long startSample, int lengthSamples)
    {
        lock (_lock)
        {
            var span = (startSample, startSample + lengthSamples);
            _recentSpans[_spanCount++ % RecentKeyPresses] = span;
            for (var i = 0; i < Math.Min(_toneCount, RecentKeyPresses); i++)
            {
                MeasureOnset(_recentTones[i], span);
            }

            if (_spans.Count < MaxSpans)
            {
                _spans.Add(new MaskedSpanMs(startSample / SamplesPerMs, lengthSamples / SamplesPerMs));
            }

            _version++;
        }
    }

    public void LeaksFound(int count)
    {
        if (count <= 0)
        {
            return;
        }

        lock (_lock)
        {
            _leaks += count;
            _version++;
        }
    }

    public MaskingSummary Snapshot()
    {
        lock (_lock)
        {
            var transports = _transports.Order().Select(t => t.ToApiName()).ToArray();
            return new MaskingSummary(_keyPresses, transports, _leaks, _worstOnsetMs, [.. _spans], DigitsLost: 0)
            {
                KeyPressesByTransport = _masked.ToDictionary(p => p.Key.ToApiName(), p => p.Value),
                Verified = _uncheckedMs == 0, // any audio the check did not see makes the report unverified
                Unchecked = [.. _unchecked],
                UncheckedMs = _uncheckedMs,
            };
        }
    }

    // A span that overlaps the tone but starts after it left the tone's head unmasked for that long.
    private void MeasureOnset((long Start, long End) tone, (long Start, long End) span)
    {
        if (span.Start < tone.End && tone.Start < span.End && span.Start > tone.Start)
        {
            _worstOnsetMs = Math.Max(_worstOnsetMs, (span.Start - tone.Start) / SamplesPerMs);
        }
    }
}
