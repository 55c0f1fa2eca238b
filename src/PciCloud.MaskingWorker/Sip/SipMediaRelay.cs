using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using PciCloud.MaskingWorker.Diagnostics;
using PciCloud.MaskingWorker.Rtp;
using PciCloud.MaskingWorker.Streams;

namespace PciCloud.MaskingWorker.Sip;

/// <summary>
/// A SIP call's media, both ways, on two ports: the caller sends to <see cref="CallerFacingPort"/>,
/// the callee to <see cref="CalleeFacingPort"/>, and each side's audio leaves through the other port
/// (symmetric RTP). Strict source from the first packet: a port accepts only its party's SDP source.
/// The customer's audio goes through the masking processor (dropped until the answer fixes the codec);
/// the other party's is relayed unchanged, after a minimal RTP check (no reflector for arbitrary UDP).
/// </summary>
public sealed partial class SipMediaRelay : IAsyncDisposable
{
    private readonly Socket _callerSide;
    private readonly Socket _calleeSide;
    private readonly bool _customerIsCallee;
    private readonly WorkerMetrics _metrics;
    private readonly ILogger _logger;
    private readonly int _maxPacketBytes;
    private readonly string _callId;
    private readonly CancellationTokenSource _stop = new();
    private volatile SipPeer? _caller;
    private volatile SipPeer? _callee;
    private CustomerPath? _customer;
    private Task _loops = Task.CompletedTask;

    private SipMediaRelay(string callId, Socket callerSide, Socket calleeSide, bool customerIsCallee, int maxPacketBytes, WorkerMetrics metrics, ILogger logger)
    {
        _callId = callId;
        _callerSide = callerSide;
        _calleeSide = calleeSide;
        _customerIsCallee = customerIsCallee;
        CallerFacingPort = ((IPEndPoint)callerSide.LocalEndPoint!).Port;
        CalleeFacingPort = ((IPEndPoint)calleeSide.LocalEndPoint!).Port;
        _maxPacketBytes = maxPacketBytes;
        _metrics = metrics;
        _logger = logger;
    }

    public int CallerFacingPort { get; }

    public int CalleeFacingPort { get; }

    public bool CustomerIsCallee => _customerIsCallee;

    public SipPeer? Caller => _caller;

    public SipPeer? Callee => _callee;

    public CallMediaSession? CustomerSession => Volatile.Read(ref _customer)?.Session;

    /// <summary>Binds both ports and starts relaying. Throws <see cref="SocketException"/> when a port cannot be bound.</summary>
    public static SipMediaRelay Start(string callId, IPAddress bind, int calleeFacingPort, int callerFacingPort, bool customerIsCallee,
        int maxPacketBytes, WorkerMetrics metrics, ILogger logger)
    {
        var calleeSide = Bind(bind, calleeFacingPort);
        Socket callerSide;
        try
        {
            callerSide = Bind(bind, callerFacingPort);
        }
        catch
        {
            calleeSide.Dispose();
            throw;
        }

        var relay = new SipMediaRelay(callId, callerSide, calleeSide, customerIsCallee, maxPacketBytes, metrics, logger);
        relay._loops = Task.WhenAll(Task.Run(() => relay.LoopAsync(fromCaller: true)), Task.Run(() => relay.LoopAsync(fromCaller: false)));
        return relay;
    }

    public void SetCaller(SipPeer peer) => _caller = peer;

    public void SetCallee(SipPeer peer) => _callee = peer;

    /// <summary>Starts masking the customer's audio (once: a later answer keeps the first session).</summary>
    public bool TryStartCustomer(CallMediaSession session, RtpStreamProcessor processor) =>
        Interlocked.CompareExchange(ref _customer, new CustomerPath(session, processor), null) is null;

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        _callerSide.Dispose();
        _calleeSide.Dispose();
        await _loops.ConfigureAwait(false);
        _stop.Dispose();
        if (Volatile.Read(ref _customer) is { } customer)
        {
            await customer.Session.DisposeAsync().ConfigureAwait(false);
        }
    }

    private async Task LoopAsync(bool fromCaller)
    {
        var socket = fromCaller ? _callerSide : _calleeSide;
        var buffer = new byte[_maxPacketBytes + 1];
        var output = new byte[RtpStreamProcessor.MaxOutputLength];
        var from = new SocketAddress(socket.AddressFamily);
        var token = _stop.Token;
        while (!token.IsCancellationRequested)
        {
            int received;
            try
            {
                received = await socket.ReceiveFromAsync(buffer, SocketFlags.None, from, token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException)
            {
                break;
            }
            catch (SocketException)
            {
                continue; // ICMP errors of an earlier send surface here; not this packet's fault.
            }

            _metrics.PacketIn("rtp");
            try
            {
                Handle(buffer.AsSpan(0, received), from, fromCaller, output);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                _metrics.Drop(DropReason.Malformed);
                LogPacketError(_logger, _callId, ex.GetType().Name);
            }
        }
    }

    private void Handle(ReadOnlySpan<byte> datagram, SocketAddress from, bool fromCaller, byte[] output)
    {
        var source = fromCaller ? _caller : _callee;
        var destination = fromCaller ? _callee : _caller;
        if (source is null || !source.IsSource(from))
        {
            _metrics.Drop(DropReason.UnexpectedSource);
            return;
        }

        if (datagram.Length > _maxPacketBytes)
        {
            _metrics.Drop(DropReason.TooLarge);
            return;
        }

        var packet = datagram;
        if (fromCaller != _customerIsCallee)
        {
            if (Volatile.Read(ref _customer) is not { } customer)
            {
                _metrics.Drop(DropReason.NotNegotiated);
                return;
            }

            if (customer.Processor.Process(datagram, output, out var written) != RtpOutcome.Forward)
            {
                return;
            }

            packet = output.AsSpan(0, written);
        }
        else if (datagram.Length < 12 || datagram[0] >> 6 != 2)
        {
            _metrics.Drop(DropReason.Malformed);
            return;
        }

        if (destination is null)
        {
            _metrics.Drop(DropReason.NotNegotiated);
            return;
        }

        try
        {
            (fromCaller ? _calleeSide : _callerSide).SendTo(packet, SocketFlags.None, destination.SendToAddress);
            _metrics.PacketsSent(1);
        }
        catch (SocketException)
        {
            _metrics.Drop(DropReason.SendFailed);
        }
    }

    private static Socket Bind(IPAddress address, int port)
    {
        var socket = new Socket(address.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        try
        {
            socket.ReceiveBufferSize = 256 * 1024;
            socket.Bind(new IPEndPoint(address, port));
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private sealed record CustomerPath(CallMediaSession Session, RtpStreamProcessor Processor);

    [LoggerMessage(EventId = 2701, Level = LogLevel.Warning, Message = "Call {CallId}: SIP media packet dropped after an error ({Error})")]
    private static partial void LogPacketError(ILogger logger, string callId, string error);
}
