namespace PciCloud.Media.TelephoneEvents;

/// <summary>
/// Turns the RFC 4733 packets of one stream into exactly one start and one end per key press.
/// A key press is identified by its RTP timestamp and event code (RFC 4733 section 2.5.1): the
/// repeated updates and the three end packets all share them. Robust to lost start or end
/// packets (a key press seen only by its end packets still counts once), reordering and
/// duplicates. Call <see cref="Process"/> per event packet and <see cref="Advance"/> with every
/// audio packet's timestamp (so a key press whose end packets were all lost still ends), then
/// drain <see cref="TryRead"/>. One instance per stream; not thread-safe; no allocation after construction.
/// </summary>
public sealed class TelephoneEventTracker
{
    /// <summary>Default time after a key press's last known end with no news before it is ended: 200 ms at 8 kHz.</summary>
    public const int DefaultTimeoutSamples = 1600;

    private const int EndedHistory = 16;
    private const int QueueCapacity = 8;

    private readonly int _timeout;
    private readonly uint[] _endedTimestamps = new uint[EndedHistory];
    private readonly byte[] _endedCodes = new byte[EndedHistory];
    private readonly TelephoneEventUpdate[] _queue = new TelephoneEventUpdate[QueueCapacity];
    private int _endedCount;
    private int _endedNext;
    private int _queueHead;
    private int _queueCount;
    private bool _active;
    private bool _hasLatest;
    private uint _latestTimestamp; // the newest key press started, active or not
    private uint _activeTimestamp;
    private byte _activeCode;
    private int _activeDuration;

    public TelephoneEventTracker(int timeoutSamples = DefaultTimeoutSamples)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(timeoutSamples, 1);
        _timeout = timeoutSamples;
    }

    /// <summary>True while a key press has started and not ended.</summary>
    public bool IsActive => _active;

    /// <summary>Key presses ended (reported once each).</summary>
    public long KeyPresses { get; private set; }

    /// <summary>Packets that belonged to a key press already started or ended (repeats, end retransmissions, duplicates).</summary>
    public long RepeatedPackets { get; private set; }

    /// <summary>Events that are not DTMF keys (codes above 15), ignored.</summary>
    public long IgnoredEvents { get; private set; }

    /// <summary>Key presses ended by the timeout, a newer key press or <see cref="Reset"/> rather than an end packet.</summary>
    public long InferredEnds { get; private set; }

    /// <summary>Key presses first seen after a later key press had started (see <see cref="TelephoneEventUpdate.OutOfOrder"/>).</summary>
    public long OutOfOrderKeyPresses { get; private set; }

    /// <summary>Updates lost because the caller did not drain <see cref="TryRead"/> (should stay 0).</summary>
    public long DroppedUpdates { get; private set; }

    /// <summary>Takes one telephone-event packet: its RTP timestamp and its (first) event block.</summary>
    public void Process(uint rtpTimestamp, in TelephoneEvent telephoneEvent)
    {
        var code = telephoneEvent.EventCode;
        if (!DtmfEvents.IsDtmf(code))
        {
            IgnoredEvents++;
            return;
        }

        if (_active && rtpTimestamp == _activeTimestamp && code == _activeCode)
        {
            RepeatedPackets++;
            _activeDuration = Math.Max(_activeDuration, telephoneEvent.Duration);
            if (telephoneEvent.IsEnd)
            {
                EndActive(endObserved: true);
            }

            return;
        }

        if (WasEnded(rtpTimestamp, code))
        {
            RepeatedPackets++;
            return;
        }

        if (_hasLatest && (int)(rtpTimestamp - _latestTimestamp) <= 0)
        {
            // A key press first seen after a later one began: count it at once, flagged, and
            // leave the later one running. Its StartTimestamp puts it back in order.
            OutOfOrderKeyPresses++;
            Emit(TelephoneEventUpdateKind.Started, code, rtpTimestamp, telephoneEvent.Duration, false, true);
            EmitEnd(code, rtpTimestamp, telephoneEvent.Duration, telephoneEvent.IsEnd, true);
            return;
        }

        if (_active)
        {
            EndActive(endObserved: false);
        }

        _active = true;
        _hasLatest = true;
        _latestTimestamp = rtpTimestamp;
        _activeTimestamp = rtpTimestamp;
        _activeCode = code;
        _activeDuration = telephoneEvent.Duration;
        Emit(TelephoneEventUpdateKind.Started, code, rtpTimestamp, _activeDuration, false, false);
        if (telephoneEvent.IsEnd)
        {
            EndActive(endObserved: true);
        }
    }

    /// <summary>Tells the tracker the stream's current RTP timestamp; ends a key press silent for longer than the timeout.</summary>
    public void Advance(uint rtpTimestamp)
    {
        if (_active && (int)(rtpTimestamp - (_activeTimestamp + (uint)_activeDuration)) > _timeout)
        {
            EndActive(endObserved: false);
        }
    }

    /// <summary>Ends any running key press and forgets history (the stream ended or its SSRC changed).</summary>
    public void Reset()
    {
        if (_active)
        {
            EndActive(endObserved: false);
        }

        _endedCount = 0;
        _endedNext = 0;
        _hasLatest = false;
    }

    /// <summary>Takes the next pending update, oldest first.</summary>
    public bool TryRead(out TelephoneEventUpdate update)
    {
        if (_queueCount == 0)
        {
            update = default;
            return false;
        }

        update = _queue[_queueHead];
        _queueHead = (_queueHead + 1) % QueueCapacity;
        _queueCount--;
        return true;
    }

    private void EndActive(bool endObserved)
    {
        _active = false;
        EmitEnd(_activeCode, _activeTimestamp, _activeDuration, endObserved, false);
    }

    private void EmitEnd(byte code, uint timestamp, int duration, bool endObserved, bool outOfOrder)
    {
        KeyPresses++;
        if (!endObserved)
        {
            InferredEnds++;
        }

        _endedTimestamps[_endedNext] = timestamp;
        _endedCodes[_endedNext] = code;
        _endedNext = (_endedNext + 1) % EndedHistory;
        _endedCount = Math.Min(_endedCount + 1, EndedHistory);
        Emit(TelephoneEventUpdateKind.Ended, code, timestamp, duration, endObserved, outOfOrder);
    }

    private bool WasEnded(uint timestamp, byte code)
    {
        for (var i = 0; i < _endedCount; i++)
        {
            if (_endedTimestamps[i] == timestamp && _endedCodes[i] == code)
            {
                return true;
            }
        }

        return false;
    }

    private void Emit(TelephoneEventUpdateKind kind, byte code, uint timestamp, int duration, bool endObserved, bool outOfOrder)
    {
        if (_queueCount == QueueCapacity)
        {
            _queueHead = (_queueHead + 1) % QueueCapacity;
            _queueCount--;
            DroppedUpdates++;
        }

        _queue[(_queueHead + _queueCount) % QueueCapacity] =
            new TelephoneEventUpdate(kind, DtmfEvents.Keys[code], timestamp, duration, endObserved, outOfOrder);
        _queueCount++;
    }
}
