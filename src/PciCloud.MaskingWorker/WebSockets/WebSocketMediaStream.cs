using System.Diagnostics;
using System.Net.WebSockets;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using PciCloud.MaskingWorker.Calls;
using PciCloud.MaskingWorker.Diagnostics;
using PciCloud.MaskingWorker.Streams;
using PciCloud.Media.TelephoneEvents;

namespace PciCloud.MaskingWorker.WebSockets;

/// <summary>
/// One WebSocket media stream in the Twilio Media Streams framing: every <c>media</c> frame in is
/// masked and answered with exactly one <c>media</c> frame out, in order; <c>dtmf</c> frames are
/// consumed like RFC 4733 events. Anything the stream does not understand closes it (no audio out).
/// </summary>
public sealed partial class WebSocketMediaStream(
    WebSocket socket, CallMediaSession session, int maxMessageBytes, double lateThresholdMs, WorkerMetrics metrics, ILogger logger)
{
    /// <summary>Largest audio payload of one media frame (200 ms of G.711).</summary>
    public const int MaxFrameBytes = 1600;

    /// <summary>After a dtmf frame the next frames are masked outright (the tone may still be sounding).</summary>
    public const int DtmfMaskFrames = 5;

    private readonly TwilioOutboundWriter _writer = new();
    private readonly byte[] _audioIn = new byte[MaxFrameBytes];
    private readonly byte[] _audioOut = new byte[MaxFrameBytes];
    private string? _streamSid;
    private bool _started;
    private long _sequence;
    private int _forcedFramesLeft;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var buffer = new byte[maxMessageBytes];
        try
        {
            while (socket.State == WebSocketState.Open)
            {
                var (length, type) = await ReceiveMessageAsync(buffer, cancellationToken).ConfigureAwait(false);
                if (type == WebSocketMessageType.Close)
                {
                    break;
                }

                var arrived = Stopwatch.GetTimestamp();
                metrics.PacketIn("websocket");
                var verdict = type == WebSocketMessageType.Text ? await HandleAsync(buffer.AsMemory(0, length), arrived, cancellationToken).ConfigureAwait(false) : Verdict.Unsupported;
                if (verdict != Verdict.Continue)
                {
                    await CloseAsync(verdict, cancellationToken).ConfigureAwait(false);
                    break;
                }
            }
        }
        catch (MessageTooLargeException)
        {
            metrics.Drop(DropReason.TooLarge);
            await CloseAsync(Verdict.TooLarge, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
        {
            LogStreamAborted(logger, session.CallId, ex.GetType().Name);
        }
        finally
        {
            await session.DisposeAsync().ConfigureAwait(false);
        }
    }

    private async ValueTask<Verdict> HandleAsync(ReadOnlyMemory<byte> json, long arrived, CancellationToken cancellationToken)
    {
        TwilioInboundMessage? message;
        try
        {
            message = JsonSerializer.Deserialize(json.Span, TwilioJsonContext.Default.TwilioInboundMessage);
        }
        catch (JsonException)
        {
            metrics.Drop(DropReason.Malformed);
            return Verdict.Malformed;
        }

        switch (message?.Event)
        {
            case "connected":
                return Verdict.Continue;
            case "start":
                return Start(message);
            case "media":
                return await MediaAsync(message, arrived, cancellationToken).ConfigureAwait(false);
            case "dtmf":
                return Dtmf(message);
            case "stop":
                return Verdict.Stopped;
            case "mark":
                return Verdict.Continue;
            default:
                metrics.Drop(DropReason.Malformed);
                return Verdict.Malformed;
        }
    }

    private Verdict Start(TwilioInboundMessage message)
    {
        var format = message.Start?.MediaFormat;
        var expected = session.Settings.Codec == AudioCodec.Pcma ? "audio/x-alaw" : "audio/x-mulaw";
        if (_started || format is null || format.Encoding != expected || format.SampleRate != 8000 || format.Channels != 1)
        {
            return Verdict.Unsupported;
        }

        _streamSid = message.StreamSid ?? message.Start?.StreamSid;
        _started = true;
        return Verdict.Continue;
    }

    private async ValueTask<Verdict> MediaAsync(TwilioInboundMessage message, long arrived, CancellationToken cancellationToken)
    {
        if (!_started || message.Media?.Payload is not { } payload
            || !Convert.TryFromBase64String(payload, _audioIn, out var length) || length == 0)
        {
            metrics.Drop(DropReason.Malformed);
            return Verdict.Malformed;
        }

        if (_forcedFramesLeft > 0 && --_forcedFramesLeft == 0)
        {
            session.Audio.ForceMask(false);
        }

        var startMs = session.Audio.SamplesIn / 8;
        session.Audio.Process(_audioIn.AsSpan(0, length), _audioOut);
        _sequence++;
        var frame = _writer.Media(_streamSid, _sequence, _sequence, startMs, _audioOut.AsSpan(0, length));
        await socket.SendAsync(frame, WebSocketMessageType.Text, endOfMessage: true, cancellationToken).ConfigureAwait(false);
        metrics.PacketsSent(1);
        metrics.FrameDelay(Stopwatch.GetElapsedTime(arrived).TotalMilliseconds, lateThresholdMs);
        return Verdict.Continue;
    }

    private Verdict Dtmf(TwilioInboundMessage message)
    {
        var digit = message.Dtmf?.Digit;
        if (!_started || digit is not { Length: 1 } || !DtmfEvents.TryGetCode(digit[0], out _))
        {
            metrics.Drop(DropReason.Malformed);
            return Verdict.Malformed;
        }

        session.Audio.ForceMask(true);
        _forcedFramesLeft = DtmfMaskFrames;
        session.Audio.SignalledKeyPress(digit[0], session.Audio.SamplesIn, 0, KeyPressTransport.WebSocketDtmf);
        return Verdict.Continue;
    }

    private async ValueTask<(int Length, WebSocketMessageType Type)> ReceiveMessageAsync(byte[] buffer, CancellationToken cancellationToken)
    {
        var length = 0;
        while (true)
        {
            if (length == buffer.Length)
            {
                throw new MessageTooLargeException();
            }

            var result = await socket.ReceiveAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false);
            length += result.Count;
            if (result.EndOfMessage || result.MessageType == WebSocketMessageType.Close)
            {
                return (length, result.MessageType);
            }
        }
    }

    private async Task CloseAsync(Verdict verdict, CancellationToken cancellationToken)
    {
        var (status, description) = verdict switch
        {
            Verdict.Stopped => (WebSocketCloseStatus.NormalClosure, "stopped"),
            Verdict.Malformed => (WebSocketCloseStatus.InvalidPayloadData, "malformed frame"),
            Verdict.TooLarge => (WebSocketCloseStatus.MessageTooBig, "frame too large"),
            _ => (WebSocketCloseStatus.PolicyViolation, "unsupported frame or media format"),
        };
        if (verdict != Verdict.Stopped)
        {
            LogClosed(logger, session.CallId, description);
        }

        try
        {
            await socket.CloseOutputAsync(status, description, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
        {
            // The peer is gone already.
        }
    }

    [LoggerMessage(EventId = 2501, Level = LogLevel.Warning, Message = "Call {CallId}: media stream closed: {Reason}")]
    private static partial void LogClosed(ILogger logger, string callId, string reason);

    [LoggerMessage(EventId = 2502, Level = LogLevel.Information, Message = "Call {CallId}: media stream aborted ({Error})")]
    private static partial void LogStreamAborted(ILogger logger, string callId, string error);

    private enum Verdict
    {
        Continue,
        Stopped,
        Malformed,
        Unsupported,
        TooLarge,
    }

    private sealed class MessageTooLargeException : Exception;
}
