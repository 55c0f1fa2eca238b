using System.Net.WebSockets;

namespace PciCloud.MaskingWorker.Tests.Support;

/// <summary>
/// A WebSocket whose peer is a script: receives hand out the queued text frames synchronously, sends
/// are kept (or only counted). Everything completes inline, so a stream driven by it runs on the
/// calling thread and its allocations can be read with <see cref="GC.GetAllocatedBytesForCurrentThread"/>.
/// </summary>
internal sealed class ScriptedWebSocket(IReadOnlyList<byte[]> frames, bool keepSent = true) : WebSocket
{
    private WebSocketState _state = WebSocketState.Open;
    private WebSocketCloseStatus? _closeStatus;
    private int _next;
    private int _offset;

    /// <summary>Called before each receive with the index of the frame about to be handed out.</summary>
    public Action<int>? BeforeReceive { get; init; }

    public List<byte[]> Sent { get; } = [];

    public int SentCount { get; private set; }

    public override WebSocketCloseStatus? CloseStatus => _closeStatus;

    public override string? CloseStatusDescription => null;

    public override WebSocketState State => _state;

    public override string? SubProtocol => null;

    public override ValueTask<ValueWebSocketReceiveResult> ReceiveAsync(Memory<byte> buffer, CancellationToken cancellationToken)
    {
        if (_offset == 0)
        {
            BeforeReceive?.Invoke(_next);
        }

        if (_next == frames.Count)
        {
            _state = WebSocketState.CloseReceived;
            return ValueTask.FromResult(new ValueWebSocketReceiveResult(0, WebSocketMessageType.Close, true));
        }

        // Like a real socket, a frame larger than the buffer arrives in parts.
        var rest = frames[_next].AsSpan(_offset);
        var count = Math.Min(rest.Length, buffer.Length);
        rest[..count].CopyTo(buffer.Span);
        _offset += count;
        var end = _offset == frames[_next].Length;
        if (end)
        {
            _next++;
            _offset = 0;
        }

        return ValueTask.FromResult(new ValueWebSocketReceiveResult(count, WebSocketMessageType.Text, end));
    }

    public override ValueTask SendAsync(ReadOnlyMemory<byte> buffer, WebSocketMessageType messageType, bool endOfMessage, CancellationToken cancellationToken)
    {
        SentCount++;
        if (keepSent)
        {
            Sent.Add(buffer.ToArray());
        }

        return ValueTask.CompletedTask;
    }

    public override Task CloseOutputAsync(WebSocketCloseStatus closeStatus, string? statusDescription, CancellationToken cancellationToken)
    {
        _closeStatus = closeStatus;
        _state = WebSocketState.CloseSent;
        return Task.CompletedTask;
    }

    public override Task CloseAsync(WebSocketCloseStatus closeStatus, string? statusDescription, CancellationToken cancellationToken) =>
        CloseOutputAsync(closeStatus, statusDescription, cancellationToken);

    public override Task<WebSocketReceiveResult> ReceiveAsync(ArraySegment<byte> buffer, CancellationToken cancellationToken) =>
        throw new NotSupportedException("The stream uses the Memory overload.");

    public override Task SendAsync(ArraySegment<byte> buffer, WebSocketMessageType messageType, bool endOfMessage, CancellationToken cancellationToken) =>
        throw new NotSupportedException("The stream uses the Memory overload.");

    public override void Abort() => _state = WebSocketState.Aborted;

    public override void Dispose()
    {
    }
}
