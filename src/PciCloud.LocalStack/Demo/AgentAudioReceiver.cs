using System.Net;
using System.Net.Sockets;
using PciCloud.Media.Codecs;
using PciCloud.Media.Rtp;

namespace PciCloud.LocalStack.Demo;

/// <summary>
/// The agent's ear: a loopback UDP socket given to the call as <c>forwardTo</c>. Collects the
/// masked RTP the worker sends and rebuilds the audio the agent heard, placed by RTP timestamp.
/// </summary>
public sealed class AgentAudioReceiver : IDisposable
{
    private readonly Socket _socket = new(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
    private readonly List<(uint Timestamp, byte[] Payload)> _packets = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _receiving;

    public AgentAudioReceiver()
        : this(IPAddress.Loopback)
    {
    }

    /// <param name="bindAddress">Loopback for the local stack; any address when a deployed region's worker sends here.</param>
    public AgentAudioReceiver(IPAddress bindAddress)
    {
        _socket.Bind(new IPEndPoint(bindAddress, 0));
        _receiving = Task.Run(() => ReceiveAsync(_stop.Token));
    }

    public IPEndPoint Endpoint => (IPEndPoint)_socket.LocalEndPoint!;

    /// <summary>Audio packets received (PT 0); anything else the worker sent is counted apart.</summary>
    public int PacketsReceived
    {
        get
        {
            lock (_packets)
            {
                return _packets.Count;
            }
        }
    }

    public int OtherPackets { get; private set; }

    /// <summary>Waits until <paramref name="count"/> audio packets arrived, or the timeout passed.</summary>
    public async Task<bool> WaitForPacketsAsync(int count, TimeSpan timeout, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (PacketsReceived < count && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20, ct).ConfigureAwait(false);
        }
        return PacketsReceived >= count;
    }

    /// <summary>The audio heard so far, 8 kHz PCM; gaps (lost packets) are silence.</summary>
    public short[] HeardAudio()
    {
        List<(uint Timestamp, byte[] Payload)> packets;
        lock (_packets)
        {
            packets = [.. _packets];
        }
        if (packets.Count == 0)
        {
            return [];
        }
        var first = packets[0].Timestamp;
        var placed = packets.Select(p => (Offset: (long)(int)(p.Timestamp - first), p.Payload)).Where(p => p.Offset >= 0).ToList();
        var length = placed.Max(p => p.Offset + p.Payload.Length);
        var audio = new short[length];
        foreach (var (offset, payload) in placed)
        {
            MuLaw.Decode(payload, audio.AsSpan((int)offset, payload.Length));
        }
        return audio;
    }

    public void Dispose()
    {
        _stop.Cancel();
        _socket.Dispose();
        try
        {
            _receiving.GetAwaiter().GetResult();
        }
        catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or SocketException)
        {
        }
        _stop.Dispose();
    }

    private async Task ReceiveAsync(CancellationToken ct)
    {
        var buffer = new byte[2048];
        EndPoint any = new IPEndPoint(IPAddress.Any, 0);
        while (!ct.IsCancellationRequested)
        {
            var result = await _socket.ReceiveFromAsync(buffer, SocketFlags.None, any, ct).ConfigureAwait(false);
            if (RtpPacket.TryParse(buffer.AsSpan(0, result.ReceivedBytes), out var packet, out _) && packet.PayloadType == 0)
            {
                lock (_packets)
                {
                    _packets.Add((packet.Timestamp, packet.Payload.ToArray()));
                }
            }
            else
            {
                OtherPackets++;
            }
        }
    }
}
