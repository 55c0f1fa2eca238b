using PciCloud.MaskingWorker.Calls;
using PciCloud.MaskingWorker.Diagnostics;
using PciCloud.MaskingWorker.Streams;
using PciCloud.Media.TelephoneEvents;

namespace PciCloud.MaskingWorker.WebSockets;

/// <summary>
/// The Twilio Media Streams protocol of one stream, without its socket: each inbound text frame in,
/// at most one <c>media</c> frame out. A media frame is handled without allocating (reader, buffers
/// and answer writer are reused); digits and audio never reach a log.
/// </summary>
internal sealed class TwilioFrameHandler(CallMediaSession session, WorkerMetrics metrics)
{
    /// <summary>Largest audio payload of one media frame (200 ms of G.711).</summary>
    public const int MaxFrameBytes = 1600;

    /// <summary>After a dtmf frame the next frames are masked outright (the tone may still be sounding).</summary>
    public const int DtmfMaskFrames = 5;

    private readonly TwilioInboundReader _reader = new();
    private readonly TwilioOutboundWriter _writer = new();
    private readonly byte[] _audioIn = new byte[MaxFrameBytes];
    private readonly byte[] _audioOut = new byte[MaxFrameBytes];
    private string? _streamSid;
    private bool _started;
    private long _sequence;
    private int _forcedFramesLeft;
    private int _lastAudioLength;

    /// <param name="reply">The media frame to send back (valid until the next call), or empty.</param>
    /// <summary>The masked audio of the last <c>media</c> reply (valid until the next frame).</summary>
    public ReadOnlySpan<byte> LastReplyAudio => _audioOut.AsSpan(0, _lastAudioLength);

    public TwilioVerdict Handle(ReadOnlySpan<byte> json, out ReadOnlyMemory<byte> reply)
    {
        reply = ReadOnlyMemory<byte>.Empty;
        var kind = _reader.Read(json, _audioIn, out var audioLength, out var message);
        return kind switch
        {
            TwilioEvent.Media when _started => Media(audioLength, out reply),
            TwilioEvent.Connected or TwilioEvent.Mark => TwilioVerdict.Continue,
            TwilioEvent.Start => Start(message!),
            TwilioEvent.Dtmf => Dtmf(message!),
            TwilioEvent.Stop => TwilioVerdict.Stopped,
            _ => Malformed(),
        };
    }

    private TwilioVerdict Start(TwilioInboundMessage message)
    {
        var format = message.Start?.MediaFormat;
        var expected = session.Settings.Codec == AudioCodec.Pcma ? "audio/x-alaw" : "audio/x-mulaw";
        if (_started || format is null || format.Encoding != expected || format.SampleRate != 8000 || format.Channels != 1)
        {
            return TwilioVerdict.Unsupported;
        }

        _streamSid = message.StreamSid ?? message.Start?.StreamSid;
        _started = true;
        return TwilioVerdict.Continue;
    }

    private TwilioVerdict Media(int length, out ReadOnlyMemory<byte> reply)
    {
        if (_forcedFramesLeft > 0 && --_forcedFramesLeft == 0)
        {
            session.Audio.ForceMask(false);
        }

        var startMs = session.Audio.SamplesIn / 8;
        session.Audio.Process(_audioIn.AsSpan(0, length), _audioOut);
        _sequence++;
        reply = _writer.Media(_streamSid, _sequence, _sequence, startMs, _audioOut.AsSpan(0, length));
        _lastAudioLength = length;
        return TwilioVerdict.Continue;
    }

    private TwilioVerdict Dtmf(TwilioInboundMessage message)
    {
        var digit = message.Dtmf?.Digit;
        if (!_started || digit is not { Length: 1 } || !DtmfEvents.TryGetCode(digit[0], out _))
        {
            return Malformed();
        }

        session.Audio.ForceMask(true);
        _forcedFramesLeft = DtmfMaskFrames;
        session.Audio.SignalledKeyPress(digit[0], session.Audio.SamplesIn, 0, KeyPressTransport.WebSocketDtmf);
        return TwilioVerdict.Continue;
    }

    private TwilioVerdict Malformed()
    {
        metrics.Drop(DropReason.Malformed);
        return TwilioVerdict.Malformed;
    }
}
