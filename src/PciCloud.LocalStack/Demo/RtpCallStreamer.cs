using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using PciCloud.Media.Codecs;
using PciCloud.Media.Rtp;

namespace PciCloud.LocalStack.Demo;

/// <summary>
/// The customer's phone: sends the call's audio as PCMU RTP to the masking worker, one 20 ms
/// packet every 20 ms (every 5 ms with <c>fast</c>), silence whenever nothing is queued, and
/// keeps a copy of everything it sent (the original audio).
/// </summary>
public sealed class RtpCallStreamer : IDisposable
{
    public const int FrameSamples = 160;
    private readonly Socket _socket = new(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
    private readonly IPEndPoint _worker;
    private readonly TimeSpan _period;
    private readonly ConcurrentQueue<AudioSegment> _queue = new();
    private readonly List<short> _sent = [];
    private readonly uint _ssrc = (uint)Random.Shared.Next();
    private AudioSegment? _current;
    private int _offset;
    private volatile bool _idle = true;

    public RtpCallStreamer(IPEndPoint worker, bool fast)
    {
        _worker = worker;
        _period = TimeSpan.FromMilliseconds(fast ? 5 : 20);
        _socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
    }

    public int PacketsSent { get; private set; }

    /// <summary>Everything sent so far, as 8 kHz PCM.</summary>
    public short[] SentAudio()
    {
        lock (_sent)
        {
            return [.. _sent];
        }
    }

    /// <summary>Queues audio to send after what is already queued; the segment tells when it went out.</summary>
    public AudioSegment Enqueue(short[] samples)
    {
        var segment = new AudioSegment(samples);
        _idle = false;
        _queue.Enqueue(segment);
        return segment;
    }

    /// <summary>Waits until everything queued has been sent.</summary>
    public async Task WhenSentAsync(CancellationToken ct)
    {
        while (!_idle || !_queue.IsEmpty)
        {
            await Task.Delay(_period, ct).ConfigureAwait(false);
        }
    }

    /// <summary>Sends packets at the pace of the call until cancelled.</summary>
    public async Task RunAsync(CancellationToken ct)
    {
        var frame = new short[FrameSamples];
        var payload = new byte[FrameSamples];
        var packet = new byte[RtpPacket.FixedHeaderLength + FrameSamples];
        var clock = Stopwatch.StartNew();
        var sequence = (ushort)Random.Shared.Next(ushort.MaxValue);
        var timestamp = (uint)Random.Shared.Next();
        for (long n = 0; !ct.IsCancellationRequested; n++)
        {
            Fill(frame);
            MuLaw.Encode(frame, payload);
            var header = new RtpHeader(0, sequence++, timestamp, _ssrc, Marker: n == 0);
            timestamp += FrameSamples;
            RtpWriter.TryWrite(header, payload, packet, out var length);
            await _socket.SendToAsync(packet.AsMemory(0, length), SocketFlags.None, _worker, ct).ConfigureAwait(false);
            PacketsSent++;
            var due = _period * (n + 1);
            var wait = due - clock.Elapsed;
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, ct).ConfigureAwait(false);
            }
        }
    }

    public void Dispose() => _socket.Dispose();

    private void Fill(short[] frame)
    {
        var filled = 0;
        while (filled < frame.Length)
        {
            if (_current is null || _offset >= _current.Samples.Length)
            {
                if (!_queue.TryDequeue(out _current))
                {
                    Array.Clear(frame, filled, frame.Length - filled);
                    _idle = true;
                    break;
                }
                _offset = 0;
                _current.MarkStarted();
            }
            var take = Math.Min(frame.Length - filled, _current.Samples.Length - _offset);
            Array.Copy(_current.Samples, _offset, frame, filled, take);
            _offset += take;
            filled += take;
            if (_offset >= _current.Samples.Length)
            {
                _current.MarkSent();
            }
        }
        lock (_sent)
        {
            _sent.AddRange(frame);
        }
    }
}
