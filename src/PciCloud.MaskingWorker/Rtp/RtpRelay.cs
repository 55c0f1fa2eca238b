using System.Buffers.Binary;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using PciCloud.MaskingWorker.Calls;
using PciCloud.MaskingWorker.Diagnostics;
using PciCloud.MaskingWorker.Streams;
using PciCloud.Media.Rtp;

namespace PciCloud.MaskingWorker.Rtp;

/// <summary>
/// One RTP call on its own UDP port: takes packets only from the call's source (<see cref="RtpSourceGuard"/>:
/// the expected one, or one learned within bounds), drops and counts anything from elsewhere, runs every
/// packet through the processor and sends the masked copy to the forward and record destinations
/// the region approved. Audio is never sent back to the source: the worker is no reflector.
/// </summary>
public sealed partial class RtpRelay : IAsyncDisposable
{
    private readonly CallMediaSession _session;
    private readonly RtpStreamProcessor _processor;
    private readonly Socket _socket;
    private readonly SocketAddress? _forwardTo;
    private readonly SocketAddress? _recordTo;
    private readonly SrtpLegs _srtp;
    private readonly RtpSourceGuard _guard;
    private readonly WorkerMetrics _metrics;
    private readonly ILogger _logger;
    private readonly int _maxPacketBytes;
    private readonly double _lateThresholdMs;
    private readonly CancellationTokenSource _stop = new();
    private readonly int _maxPacketsPerSecond;
    private long _rateWindowStart;
    private int _rateWindowCount;
    private Task _loop = Task.CompletedTask;

    private RtpRelay(CallMediaSession session, Socket socket, RtpRelayLimits limits, WorkerMetrics metrics, ILogger logger)
    {
        _session = session;
        _socket = socket;
        _maxPacketBytes = limits.MaxPacketBytes;
        _lateThresholdMs = limits.LateThresholdMs;
        _maxPacketsPerSecond = limits.MaxPacketsPerSecond;
        _metrics = metrics;
        _logger = logger;
        _processor = new RtpStreamProcessor(session.Settings, session.Audio, metrics, limits.MaxPacketBytes);
        _guard = new RtpSourceGuard(session.Settings.ExpectFrom, Stopwatch.GetTimestamp(), (long)(limits.SourceLearningWindow.TotalSeconds * Stopwatch.Frequency));
        _forwardTo = session.Settings.ForwardTo?.Serialize();
        _recordTo = session.Settings.RecordTo?.Serialize();
        _srtp = new SrtpLegs(session.Settings.Srtp, RtpStreamProcessor.MaxOutputLength, metrics);
    }

    public CallMediaSession Session => _session;

    /// <summary>When the relay opened its port (<see cref="Stopwatch"/> clock).</summary>
    public long StartedAt { get; } = Stopwatch.GetTimestamp();

    public int Port => ((IPEndPoint)_socket.LocalEndPoint!).Port;

    /// <summary>Binds the call's port and starts relaying. Throws <see cref="SocketException"/> when the port cannot be bound.</summary>
    public static RtpRelay Start(CallMediaSession session, IPAddress bindAddress, RtpRelayLimits limits, WorkerMetrics metrics, ILogger logger)
    {
        var socket = new Socket(bindAddress.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        try
        {
            socket.ReceiveBufferSize = 256 * 1024;
            socket.Bind(new IPEndPoint(bindAddress, session.Settings.RtpPort));
        }
        catch
        {
            socket.Dispose();
            throw;
        }

        var relay = new RtpRelay(session, socket, limits, metrics, logger);
        relay._loop = Task.Run(relay.ReceiveLoopAsync);
        return relay;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        _socket.Dispose();
        await _loop.ConfigureAwait(false);
        _stop.Dispose();
        _srtp.Dispose();
        await _session.DisposeAsync().ConfigureAwait(false);
    }

    private async Task ReceiveLoopAsync()
    {
        // One byte more than the limit, so an oversized datagram is seen as such rather than cut short.
        var buffer = new byte[_maxPacketBytes + 1];
        var output = new byte[RtpStreamProcessor.MaxOutputLength];
        var from = new SocketAddress(_socket.AddressFamily);
        var token = _stop.Token;
        while (!token.IsCancellationRequested)
        {
            int received;
            try
            {
                received = await _socket.ReceiveFromAsync(buffer, SocketFlags.None, from, token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                break;
            }
            catch (ObjectDisposedException)
            {
                break;
            }
            catch (SocketException ex) when (ex.SocketErrorCode == SocketError.MessageSize)
            {
                _metrics.Drop(DropReason.TooLarge);
                continue;
            }
            catch (SocketException ex)
            {
                // ICMP errors from an earlier send surface here on some platforms: not this packet's fault.
                LogReceiveError(_logger, _session.CallId, ex.SocketErrorCode.ToString());
                continue;
            }

            var arrived = Stopwatch.GetTimestamp();
            _metrics.PacketIn("rtp");
            try
            {
                Handle(buffer.AsSpan(0, received), from, output, arrived);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // Never a crash: the packet is dropped (not forwarded) and the stream goes on.
                _metrics.Drop(DropReason.Malformed);
                LogPacketError(_logger, _session.CallId, ex.GetType().Name);
            }
        }
    }

    private void Handle(Span<byte> datagram, SocketAddress from, byte[] output, long arrived)
    {
        // SSRC and sequence number straight from the header (plain also on an SRTP leg): a packet too
        // short for one is the processor's to reject, and can only come from the source already taken.
        var hasHeader = datagram.Length >= RtpPacket.FixedHeaderLength;
        var ssrc = hasHeader ? BinaryPrimitives.ReadUInt32BigEndian(datagram[8..]) : 0;
        var sequence = hasHeader ? BinaryPrimitives.ReadUInt16BigEndian(datagram[2..]) : (ushort)0;
        if (!_guard.Admits(from, ssrc, sequence, arrived) || (!hasHeader && _guard.Source is null))
        {
            _metrics.Drop(DropReason.UnexpectedSource);
            return;
        }

        if (!WithinRate(arrived))
        {
            _metrics.Drop(DropReason.RateLimited);
            return;
        }

        // SRTP: nothing reads a packet of an SRTP leg before it authenticated (nor learns its source).
        if (!_srtp.TryUnprotect(datagram, out var plainLength))
        {
            return;
        }

        datagram = datagram[..plainLength];

        var outcome = _processor.Process(datagram, output, out var written);
        if (outcome != RtpOutcome.Rejected && _guard.Accepted(from, ssrc, sequence))
        {
            LogSourceTaken(_logger, _session.CallId);
        }

        if (outcome != RtpOutcome.Forward)
        {
            return;
        }

        var packet = output.AsSpan(0, written);
        var sent = Send(_forwardTo, _srtp.ForForwardTo(packet), MediaLeg.Forward, packet)
            + Send(_recordTo, _srtp.ForRecordTo(packet), MediaLeg.Record, packet);
        _metrics.PacketsSent(sent);
        _metrics.FrameDelay(Stopwatch.GetElapsedTime(arrived).TotalMilliseconds, _lateThresholdMs);
    }

    /// <summary>
    /// Sends to one destination; 1 when sent, 0 when there is none, SRTP refused the packet, or the send failed.
    /// The send seam of the masking certificate: once sent, the leg's digest takes the plain payload (what a
    /// recorder holds after SRTP), in order.
    /// </summary>
    private int Send(SocketAddress? destination, ReadOnlySpan<byte> packet, MediaLeg leg, ReadOnlySpan<byte> plain)
    {
        if (destination is null || packet.IsEmpty)
        {
            return 0;
        }

        try
        {
            _socket.SendTo(packet, SocketFlags.None, destination);
            _session.Digests.Sent(leg, plain[Media.Rtp.RtpPacket.FixedHeaderLength..]);
            return 1;
        }
        catch (SocketException)
        {
            _metrics.Drop(DropReason.SendFailed);
            return 0;
        }
    }

    /// <summary>
    /// At most the limit per one-second window, counted after the source check (a stranger's flood does
    /// not spend the customer's budget). A phone sends 50 audio and up to 50 event packets a second.
    /// </summary>
    private bool WithinRate(long now)
    {
        if (now - _rateWindowStart >= Stopwatch.Frequency)
        {
            _rateWindowStart = now;
            _rateWindowCount = 0;
        }

        return ++_rateWindowCount <= _maxPacketsPerSecond;
    }

    [LoggerMessage(EventId = 2301, Level = LogLevel.Information, Message = "Call {CallId}: RTP source taken (learned, or moved with the stream's continuity); packets from any other source are dropped")]
    private static partial void LogSourceTaken(ILogger logger, string callId);

    [LoggerMessage(EventId = 2302, Level = LogLevel.Debug, Message = "Call {CallId}: receive error {Error}")]
    private static partial void LogReceiveError(ILogger logger, string callId, string error);

    [LoggerMessage(EventId = 2303, Level = LogLevel.Warning, Message = "Call {CallId}: packet dropped after an error ({Error})")]
    private static partial void LogPacketError(ILogger logger, string callId, string error);
}
