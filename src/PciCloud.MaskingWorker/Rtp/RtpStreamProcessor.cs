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
/// A key press signalled only by events still sounds as the masking tone: the mask is held until the
/// key press's end has left the look-ahead, and when the phone sends no audio during the key press
/// (RFC 4733 allows that) the event packets' durations drive masking-tone packets in its place.
/// </summary>
public sealed partial class RtpStreamProcessor
{
    /// <summary>Largest audio payload taken (150 ms of G.711); larger is dropped.</summary>
    public const int MaxPayloadSamples = 1200;

    private const int HeaderLength = RtpPacket.FixedHeaderLength;

    /// <summary>A key press's events this far ahead of the audio mean the phone sends no audio during it (two packets' worth of jitter allowed).</summary>
    private const int FillThresholdSamples = 320;

    private static readonly byte[] MuLawSilence = Enumerable.Repeat(Media.Codecs.MuLaw.Silence, MaxPayloadSamples).ToArray();
    private static readonly byte[] ALawSilence = Enumerable.Repeat(Media.Codecs.ALaw.Silence, MaxPayloadSamples).ToArray();

    private readonly MaskedAudioStream _stream;
    private readonly WorkerMetrics _metrics;
    private readonly int _maxPacketBytes;
    private readonly byte _audioPayloadType;
    private readonly int _eventPayloadType;
    private readonly uint _outSsrc;
    private readonly byte[] _silence;
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
    private long _releaseMaskAt = -1; // stream sample at which a held (event) mask ends; -1: none pending
    private bool _filling;            // the current key press has no audio: its events drive the output
    private bool _hasFill;
    private uint _filledUntil;        // input RTP timestamp up to which masking tone stood in for missing audio

    public RtpStreamProcessor(CallMediaSettings settings, MaskedAudioStream stream, WorkerMetrics metrics, int maxPacketBytes)
    {
        _stream = stream;
        _metrics = metrics;
        _maxPacketBytes = maxPacketBytes;
        _audioPayloadType = (byte)settings.Codec;
        _eventPayloadType = settings.TelephoneEventPayloadType;
        _silence = settings.Codec == AudioCodec.Pcma ? ALawSilence : MuLawSilence;
        _outSsrc = (uint)Random.Shared.Next() | 1u;
        _nextOutSequence = (ushort)Random.Shared.Next(0, 1 << 15);
    }

    /// <summary>Largest packet <see cref="Process"/> can write.</summary>
    public static int MaxOutputLength => HeaderLength + MaxPayloadSamples;

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
            return TelephoneEvent(packet, output, out written);
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

        var inTimestamp = packet.Timestamp;
        if (_hasFill && !_restartPending)
        {
            // Masking tone already stood in for this span: send only what follows it.
            var covered = (int)(_filledUntil - inTimestamp);
            if (covered >= payload.Length)
            {
                _metrics.Drop(DropReason.CoveredByMaskingTone);
                return RtpOutcome.Consumed;
            }

            if (covered > 0)
            {
                payload = payload[covered..];
                inTimestamp = _filledUntil;
            }

            _hasFill = false;
        }

        _filling = false;
        _events.Advance(inTimestamp);
        DrainEvents();
        _lastAudioTimestamp = inTimestamp;
        _lastAudioSample = _stream.SamplesIn;

        if (!_started || _restartPending)
        {
            // Keep our outgoing timeline continuous: the next timestamp follows the last one we sent.
            _timestampOffset = _started ? _lastOutTimestamp + (uint)_lastPayloadSamples - inTimestamp : 0;
            _markNext = true;
            _started = true;
            _restartPending = false;
        }

        return Emit(payload, inTimestamp, packet.Marker, output, out written);
    }

    /// <summary>Masks <paramref name="payload"/> into the outgoing packet stamped on our timeline.</summary>
    private RtpOutcome Emit(ReadOnlySpan<byte> payload, uint inTimestamp, bool marker, Span<byte> output, out int written)
    {
        Mask(payload, output.Slice(HeaderLength, payload.Length));
        var timestamp = inTimestamp + _timestampOffset;
        // The payload is masked in place after the header, so only the header is written here.
        RtpWriter.TryWriteHeader(new RtpHeader(_audioPayloadType, _nextOutSequence, timestamp, _outSsrc, _markNext || marker), output, out _);
        _markNext = false;
        _nextOutSequence++;
        _lastOutTimestamp = timestamp;
        _lastPayloadSamples = payload.Length;
        written = HeaderLength + payload.Length;
        return RtpOutcome.Forward;
    }

    /// <summary>Runs audio through the stream, releasing a held event mask exactly at its sample.</summary>
    private void Mask(ReadOnlySpan<byte> input, Span<byte> output)
    {
        var held = _releaseMaskAt < 0 ? input.Length : (int)Math.Clamp(_releaseMaskAt - _stream.SamplesIn, 0, input.Length);
        if (held > 0)
        {
            _stream.Process(input[..held], output[..held]);
        }

        if (_releaseMaskAt >= 0 && _stream.SamplesIn >= _releaseMaskAt)
        {
            _releaseMaskAt = -1;
            _stream.ForceMask(_events.IsActive);
        }

        if (held < input.Length)
        {
            _stream.Process(input[held..], output[held..input.Length]);
        }
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
            _filling = false;
            _hasFill = false;
            _events.Reset();
            DrainEvents();
        }
    }

    private RtpOutcome Reject(DropReason reason)
    {
        _metrics.Drop(reason);
        return RtpOutcome.Rejected;
    }
}
