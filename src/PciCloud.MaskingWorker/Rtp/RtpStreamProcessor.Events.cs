using PciCloud.MaskingWorker.Calls;
using PciCloud.MaskingWorker.Diagnostics;
using PciCloud.Media.Rtp;
using PciCloud.Media.TelephoneEvents;

namespace PciCloud.MaskingWorker.Rtp;

/// <summary>The RFC 4733 side of <see cref="RtpStreamProcessor"/>: key presses signalled by events.</summary>
public sealed partial class RtpStreamProcessor
{
    private RtpOutcome TelephoneEvent(in RtpPacket packet, Span<byte> output, out int written)
    {
        written = 0;
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
        return FillForKeyPress(packet.Timestamp, telephoneEvent, output, out written);
    }

    /// <summary>
    /// When a key press's events run ahead of the audio (the phone sends none while the key is down),
    /// sends masking tone for the span the events cover so far, in place of the missing audio; at the
    /// key press's end one look-ahead more, so the tone's tail leaves the masker too. The event packet
    /// itself is still consumed: what goes out is an ordinary audio packet of our stream.
    /// </summary>
    private RtpOutcome FillForKeyPress(uint eventTimestamp, in TelephoneEvent telephoneEvent, Span<byte> output, out int written)
    {
        written = 0;
        if (!DtmfEvents.IsDtmf(telephoneEvent.EventCode))
        {
            return RtpOutcome.Consumed;
        }

        // Where the audio we have sent ends, on the input clock; a new source's events start their own.
        var reached = _started && !_restartPending ? _lastAudioTimestamp + (uint)(_stream.SamplesIn - _lastAudioSample) : eventTimestamp;
        if ((int)(eventTimestamp - reached) > 0)
        {
            reached = eventTimestamp; // nothing came between the last audio and this key press: our timeline skips it, as over a loss
        }

        var tail = telephoneEvent.IsEnd && _filling ? _stream.LookaheadSamples : 0;
        var ahead = (int)(eventTimestamp + telephoneEvent.Duration + (uint)tail - reached);
        if (ahead <= 0 || (!_filling && ahead <= FillThresholdSamples))
        {
            return RtpOutcome.Consumed;
        }

        if (!_started || _restartPending)
        {
            // No audio yet from this source: the key press starts (or continues) our outgoing timeline.
            _timestampOffset = _started ? _lastOutTimestamp + (uint)_lastPayloadSamples - reached : 0;
            _markNext = true;
            _started = true;
            _restartPending = false;
        }

        _filling = true;
        var samples = Math.Min(ahead, MaxPayloadSamples);
        _lastAudioTimestamp = reached;
        _lastAudioSample = _stream.SamplesIn;
        _filledUntil = reached + (uint)samples;
        _hasFill = true;
        return Emit(_silence.AsSpan(0, samples), reached, marker: false, output, out written);
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
                // The output lags the input by the look-ahead: hold the mask until the key press's end
                // has left it, so the far side hears the tone for the whole key press. Bounded, so a
                // wild timestamp cannot hold it for long.
                var end = Math.Min(StreamSample(update.StartTimestamp) + update.Duration, _stream.SamplesIn + MaxPayloadSamples);
                _releaseMaskAt = Math.Max(_releaseMaskAt, end + _stream.LookaheadSamples);
                if (_stream.SamplesIn >= _releaseMaskAt)
                {
                    _releaseMaskAt = -1;
                    _stream.ForceMask(false);
                }
            }

            _stream.SignalledKeyPress(update.Key, StreamSample(update.StartTimestamp), update.Duration, KeyPressTransport.Rfc4733);
        }
    }

    // An event's RTP timestamp on the stream's sample clock, through the last audio packet's timestamp.
    private long StreamSample(uint rtpTimestamp) =>
        _started ? Math.Max(0, _lastAudioSample + (int)(rtpTimestamp - _lastAudioTimestamp)) : _stream.SamplesIn;
}
