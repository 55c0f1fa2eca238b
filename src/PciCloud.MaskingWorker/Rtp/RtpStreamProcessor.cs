using System.Buffers.Binary;
using PciCloud.MaskingWorker.Calls;
using PciCloud.MaskingWorker.Diagnostics;
using PciCloud.MaskingWorker.Streams;
using PciCloud.Media.Rtp;
using PciCloud.Media.TelephoneEvents;

namespace PciCloud.MaskingWorker.Rtp;

/// <summary>
/// The RTP logic of one call, without sockets: validates each datagram, runs audio through the
/// masked stream, consumes RFC 4733 events (masking while a key press lasts, reporting it like an
/// in-band one), and writes the outgoing packet: our SSRC, the call's payload type, a sequence that
/// shows losses but stays contiguous over consumed events, and timestamps that stay continuous over
/// SSRC changes and restarts. Late (reordered) and duplicate packets are dropped: playing them would
/// need a jitter buffer and its delay. Nothing is ever forwarded that did not pass the masker.
/// </summary>
public sealed class RtpStreamProcessor
{
    /// <summary>Largest audio payload taken (150 ms of G.711); larger is dropped.</summary>
    public const int MaxPayloadSamples = 1200;

    private const int HeaderLength = RtpPacket.FixedHeaderLength;

    private readonly MaskedAudioStream _stream;
    private readonly WorkerMetrics _metrics;
    private readonly int _maxPacketBytes;
    private readonly byte _audioPayloadType;
    private readonly int _eventPayloadType;
    private readonly uint _outSsrc;
    private readonly RtpSequenceTracker _sequence = new(minSequential: 1);
    private readonly TelephoneEventTracker _events = new();
    private bool _started;
    private ushort _nextOutSequence;
    private uint _timestampOffset;
    private uint _lastOutTimestamp;
    private int _lastPayloadSamples;
    private bool _markNext;
    private bool _restartPending;
    private uint _lastAudioTimestamp;
    private long _lastAudioSample;

    public RtpStreamProcessor(CallMediaSettings settings, MaskedAudioStream stream, WorkerMetrics metrics, int maxPacketBytes)
    {
        _stream = stream;
        _metrics = metrics;
        _maxPacketBytes = maxPacketBytes;
        _audioPayloadType = (byte)settings.Codec;
        _eventPayloadType = settings.TelephoneEventPayloadType;
        _outSsrc = (uint)Random.Shared.Next() | 1u;
        _nextOutSequence = (ushort)Random.Shared.Next(0, 1 << 15);
    }

    /// <summary>Largest packet <see cref="Process"/> can write.</summary>
    public static int MaxOutputLength => HeaderLength + MaxPayloadSamples;

    public uint OutgoingSsrc => _outSsrc;

    /// <summary>Takes one datagram; on <see cref="RtpOutcome.Forward"/> the packet to send is <c>output[..written]</c>.</summary>
    public RtpOutcome Process(ReadOnlySpan<byte> datagram, Span<byte> output, out int written)
    {
        written = 0;
        if (datagram.Length > _maxPacketBytes)
        {
            return Reject(DropReason.TooLarge);
        }

        if (!RtpPacket.TryParse(datagram, out var packet, out _))
        {
            return Reject(DropReason.Malformed);
        }

        if (packet.PayloadType == _eventPayloadType)
        {
            return TelephoneEvent(packet);
        }

        if (packet.PayloadType != _audioPayloadType)
        {
            return Reject(DropReason.UnknownPayloadType);
        }

        var payload = packet.Payload;
        if (payload.Length is 0 or > MaxPayloadSamples)
        {
            return Reject(DropReason.BadPayloadSize);
        }

        if (!TrackAudio(packet))
        {
            return RtpOutcome.Consumed;
        }

        _events.Advance(packet.Timestamp);
        DrainEvents();
        _lastAudioTimestamp = packet.Timestamp;
        _lastAudioSample = _stream.SamplesIn;

        if (!_started || _restartPending)
        {
            // Keep our outgoing timeline continuous: the next timestamp follows the last one we sent.
            _timestampOffset = _started ? _lastOutTimestamp + (uint)_lastPayloadSamples - packet.Timestamp : 0;
            _markNext = true;
            _started = true;
            _restartPending = false;
        }

        _stream.Process(payload, output.Slice(HeaderLength, payload.Length));
        var timestamp = packet.Timestamp + _timestampOffset;
        WriteHeader(output, _markNext || packet.Marker, _nextOutSequence, timestamp);
        _markNext = false;
        _nextOutSequence++;
        _lastOutTimestamp = timestamp;
        _lastPayloadSamples = payload.Length;
        written = HeaderLength + payload.Length;
        return RtpOutcome.Forward;
    }

    private RtpOutcome TelephoneEvent(in RtpPacket packet)
    {
        if (!Media.TelephoneEvents.TelephoneEvent.TryParse(packet.Payload, out var telephoneEvent, out _))
        {
            return Reject(DropReason.Malformed);
        }

        _metrics.Drop(DropReason.TelephoneEventConsumed);

        // Events share the stream's sequence space: a consumed one leaves no gap in ours. Late or
        // out-of-window events still count (the tracker orders key presses); only exact repeats do not.
        _sequence.Update(packet.Ssrc, packet.SequenceNumber, out var result);
        if (result == RtpSequenceResult.Duplicate)
        {
            return RtpOutcome.Consumed;
        }

        AfterTracking(result);
        _events.Process(packet.Timestamp, telephoneEvent);
        DrainEvents();
        return RtpOutcome.Consumed;
    }

    private bool TrackAudio(in RtpPacket packet)
    {
        var use = _sequence.Update(packet.Ssrc, packet.SequenceNumber, out var result);
        switch (result)
        {
            case RtpSequenceResult.Late:
                _metrics.Drop(DropReason.Reordered);
                return false;
            case RtpSequenceResult.Duplicate:
                _metrics.Drop(DropReason.Duplicate);
                return false;
            case RtpSequenceResult.BadJump or RtpSequenceResult.Probation:
                _metrics.Drop(DropReason.SequenceJump);
                return false;
        }

        AfterTracking(result);
        return use;
    }

    private void AfterTracking(RtpSequenceResult result)
    {
        if (result == RtpSequenceResult.AfterGap)
        {
            _nextOutSequence += (ushort)_sequence.LastGap; // losses stay visible downstream
        }
        else if (result is RtpSequenceResult.SourceChanged or RtpSequenceResult.Resynchronized)
        {
            if (_started)
            {
                _stream.Discontinuity(); // the audio that follows does not continue what the masker has seen
            }

            _restartPending = true;
            _events.Reset();
            DrainEvents();
        }
    }

    private void DrainEvents()
    {
        while (_events.TryRead(out var update))
        {
            if (update.Kind == TelephoneEventUpdateKind.Started)
            {
                _stream.ForceMask(true);
                continue;
            }

            if (!_events.IsActive)
            {
                _stream.ForceMask(false);
            }

            _stream.SignalledKeyPress(update.Key, StreamSample(update.StartTimestamp), update.Duration, KeyPressTransport.Rfc4733);
        }
    }

    // An event's RTP timestamp on the stream's sample clock, through the last audio packet's timestamp.
    private long StreamSample(uint rtpTimestamp) =>
        _started ? Math.Max(0, _lastAudioSample + (int)(rtpTimestamp - _lastAudioTimestamp)) : _stream.SamplesIn;

    private RtpOutcome Reject(DropReason reason)
    {
        _metrics.Drop(reason);
        return RtpOutcome.Rejected;
    }

    private void WriteHeader(Span<byte> output, bool marker, ushort sequence, uint timestamp)
    {
        output[0] = 0x80; // version 2, no padding, extension or CSRC
        output[1] = (byte)((marker ? 0x80 : 0) | _audioPayloadType);
        BinaryPrimitives.WriteUInt16BigEndian(output[2..], sequence);
        BinaryPrimitives.WriteUInt32BigEndian(output[4..], timestamp);
        BinaryPrimitives.WriteUInt32BigEndian(output[8..], _outSsrc);
    }
}
