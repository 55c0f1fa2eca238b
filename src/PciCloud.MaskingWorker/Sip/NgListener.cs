using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;
using PciCloud.MaskingWorker.Hosting;
using PciCloud.Signalling.Ng;

namespace PciCloud.MaskingWorker.Sip;

/// <summary>
/// The worker's ng control socket (UDP, <see cref="MaskingWorkerOptions.NgListenAddress"/>): each
/// datagram is answered by the dispatcher. Commands run concurrently up to a bound; beyond it a
/// datagram is dropped and the proxy's retransmission gets it through later.
/// </summary>
public sealed partial class NgListener(
    IOptions<MaskingWorkerOptions> options, IServiceProvider services, ILogger<NgListener> logger) : BackgroundService
{
    private const int MaxConcurrentCommands = 64;
    private readonly TaskCompletionSource<IPEndPoint?> _bound = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The bound address (port 0 in the settings becomes the real one); null when ng is off.</summary>
    public Task<IPEndPoint?> Bound => _bound.Task;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (string.IsNullOrEmpty(options.Value.NgListenAddress))
        {
            _bound.TrySetResult(null);
            return;
        }

        var dispatcher = services.GetRequiredService<NgDispatcher>();
        var address = ListenAddress(options.Value);
        using var socket = new Socket(address.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        socket.Bind(address);
        var local = (IPEndPoint)socket.LocalEndPoint!;
        _bound.TrySetResult(local);
        LogListening(local.ToString());
        using var slots = new SemaphoreSlim(MaxConcurrentCommands);
        var buffer = new byte[NgDispatcher.MaxMessageBytes + 1];
        var any = new IPEndPoint(address.AddressFamily == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Any : IPAddress.Any, 0);
        while (!stoppingToken.IsCancellationRequested)
        {
            SocketReceiveFromResult received;
            try
            {
                received = await socket.ReceiveFromAsync(buffer, SocketFlags.None, any, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
            catch (SocketException)
            {
                continue;
            }

            if (!slots.Wait(0))
            {
                continue;
            }

            var datagram = buffer.AsSpan(0, received.ReceivedBytes).ToArray();
            _ = AnswerAsync(dispatcher, socket, datagram, received.RemoteEndPoint, slots, stoppingToken);
        }
    }

    /// <summary>The configured address; the public media address is refused (the ng port must never face the internet).</summary>
    public static IPEndPoint ListenAddress(MaskingWorkerOptions o)
    {
        if (!IPEndPoint.TryParse(o.NgListenAddress!, out var endpoint))
        {
            throw new InvalidOperationException($"MaskingWorker:NgListenAddress '{o.NgListenAddress}' is not an address:port.");
        }

        if (!IPAddress.IsLoopback(endpoint.Address) && IPAddress.TryParse(o.AdvertisedRtpHost, out var media) && media.Equals(endpoint.Address))
        {
            throw new InvalidOperationException("MaskingWorker:NgListenAddress must be a cluster-internal address, not the advertised media address.");
        }

        return endpoint;
    }

    private static async Task AnswerAsync(NgDispatcher dispatcher, Socket socket, byte[] datagram, EndPoint peer, SemaphoreSlim slots, CancellationToken cancellationToken)
    {
        try
        {
            if (await dispatcher.HandleAsync(datagram, peer.ToString()!, cancellationToken) is { } reply)
            {
                await socket.SendToAsync(reply, SocketFlags.None, peer, cancellationToken);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // Stopping, or the proxy went away: nothing to answer.
        }
        finally
        {
            slots.Release();
        }
    }

    [LoggerMessage(EventId = 2721, Level = LogLevel.Information, Message = "ng control protocol listening on udp {Address}")]
    private partial void LogListening(string address);
}
