using System.Diagnostics;
using System.Net.WebSockets;
using Microsoft.Extensions.Logging;
using PciCloud.MaskingWorker.Calls;
using PciCloud.MaskingWorker.Diagnostics;
using PciCloud.MaskingWorker.Streams;

namespace PciCloud.MaskingWorker.WebSockets;

/// <summary>
/// One WebSocket media stream in the Twilio Media Streams framing: every <c>media</c> frame in is
/// masked and answered with exactly one <c>media</c> frame out, in order; <c>dtmf</c> frames are
/// consumed like RFC 4733 events. Anything the stream does not understand closes it (no audio out).
/// </summary>
public sealed partial class WebSocketMediaStream(
    WebSocket socket, CallMediaSession session, int maxMessageBytes, double lateThresholdMs, WorkerMetrics metrics, ILogger logger)
{
    private readonly TwilioFrameHandler _handler = new(session, metrics);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var buffer = new byte[maxMessageBytes];
        try
        {
            while (socket.State == WebSocketState.Open)
            {
                // The receive loop stays in this method: its state machine is allocated once per
                // stream, where a helper method awaited per frame would allocate one per frame.
                var length = 0;
                ValueWebSocketReceiveResult result;
                do
                {
                    if (length == buffer.Length)
                    {
                        metrics.Drop(DropReason.TooLarge);
                        await CloseAsync(TwilioVerdict.TooLarge, cancellationToken).ConfigureAwait(false);
                        return;
                    }

                    result = await socket.ReceiveAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false);
                    length += result.Count;
                }
                while (!result.EndOfMessage && result.MessageType != WebSocketMessageType.Close);

                if (result.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }

                var arrived = Stopwatch.GetTimestamp();
                metrics.PacketIn("websocket");
                var reply = ReadOnlyMemory<byte>.Empty;
                var verdict = result.MessageType == WebSocketMessageType.Text ? _handler.Handle(buffer.AsSpan(0, length), out reply) : TwilioVerdict.Unsupported;
                if (verdict != TwilioVerdict.Continue)
                {
                    await CloseAsync(verdict, cancellationToken).ConfigureAwait(false);
                    break;
                }

                if (!reply.IsEmpty)
                {
                    await socket.SendAsync(reply, WebSocketMessageType.Text, endOfMessage: true, cancellationToken).ConfigureAwait(false);
                    session.Digests.Sent(MediaLeg.WebSocket, _handler.LastReplyAudio);
                    metrics.PacketsSent(1);
                    metrics.FrameDelay(Stopwatch.GetElapsedTime(arrived).TotalMilliseconds, lateThresholdMs);
                }
            }
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

    private async Task CloseAsync(TwilioVerdict verdict, CancellationToken cancellationToken)
    {
        var (status, description) = verdict switch
        {
            TwilioVerdict.Stopped => (WebSocketCloseStatus.NormalClosure, "stopped"),
            TwilioVerdict.Malformed => (WebSocketCloseStatus.InvalidPayloadData, "malformed frame"),
            TwilioVerdict.TooLarge => (WebSocketCloseStatus.MessageTooBig, "frame too large"),
            _ => (WebSocketCloseStatus.PolicyViolation, "unsupported frame or media format"),
        };
        if (verdict != TwilioVerdict.Stopped)
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
}
