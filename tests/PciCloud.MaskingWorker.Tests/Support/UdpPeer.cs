using System.Net;
using System.Net.Sockets;

namespace PciCloud.MaskingWorker.Tests.Support;

/// <summary>A loopback UDP endpoint: the phone that sends, or the agent / recorder that receives.</summary>
internal sealed class UdpPeer : IDisposable
{
    private readonly Socket _socket = new(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);

    public UdpPeer()
    {
        _socket.ReceiveBufferSize = 4 * 1024 * 1024;
        _socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
    }

    public IPEndPoint EndPoint => (IPEndPoint)_socket.LocalEndPoint!;

    public List<byte[]> Received { get; } = [];

    /// <summary>Sends each datagram, yielding now and then so loopback buffers never overflow.</summary>
    public async Task SendAllAsync(IEnumerable<byte[]> datagrams, IPEndPoint to)
    {
        var sent = 0;
        foreach (var datagram in datagrams)
        {
            await _socket.SendToAsync(datagram, SocketFlags.None, to);
            if (++sent % 20 == 0)
            {
                await Task.Delay(2);
            }
        }
    }

    /// <summary>Receives until <paramref name="count"/> datagrams are in, or fails after the timeout.</summary>
    public async Task ReceiveAsync(int count, TimeSpan timeout)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        cts.CancelAfter(timeout);
        var buffer = new byte[2048];
        while (Received.Count < count)
        {
            var n = await _socket.ReceiveAsync(buffer, SocketFlags.None, cts.Token);
            Received.Add(buffer[..n]);
        }
    }

    public void Dispose() => _socket.Dispose();
}
