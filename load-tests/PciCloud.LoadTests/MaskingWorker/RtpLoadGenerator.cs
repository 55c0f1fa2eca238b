using System.Buffers.Binary;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using HdrHistogram;
using PciCloud.Media.Codecs;
using PciCloud.Media.Dtmf;

namespace PciCloud.LoadTests.MaskingWorker;

/// <summary>
/// Sends N RTP calls at real-time pacing (one 20 ms packet per call every 20 ms, calls staggered
/// across the period) and times every masked copy that comes back on the two sinks. A call's
/// timestamps start at <c>call &lt;&lt; 20</c>, so a returning packet names its call and packet.
/// </summary>
public sealed class RtpLoadGenerator : IDisposable
{
    private const int Samples = 160;
    private static readonly double TicksPerMs = Stopwatch.Frequency / 1000.0;

    private readonly int _calls;
    private readonly int _portStart;
    private readonly Socket _sender = NewSocket();
    private readonly Socket[] _sinks = [NewSocket(), NewSocket()];
    private readonly List<Thread> _receivers = [];
    private readonly byte[][] _audio;
    private readonly long[,] _sentAt;
    private readonly int _packetsPerCall;
    private volatile bool _measuring;
    private long _received;
    private long _late;

    public RtpLoadGenerator(int calls, int portStart, TimeSpan length, double dtmfShare)
    {
        _calls = calls;
        _portStart = portStart;
        _packetsPerCall = (int)(length.TotalMilliseconds / 20) + 1;
        _sentAt = new long[calls, _packetsPerCall];
        var silence = Enumerable.Repeat(MuLaw.Silence, 8000).ToArray();
        var keyed = Enumerable.Repeat(MuLaw.Silence, 8000 * 4).ToArray(); // a card entry, then silence, looped
        MuLaw.Encode(DtmfSynth.Sequence("4111111111111111", -10, 70, 80), keyed);
        var everyNth = dtmfShare > 0 ? (int)Math.Round(1 / dtmfShare) : int.MaxValue;
        _audio = [.. Enumerable.Range(0, calls).Select(i => i % everyNth == 0 ? keyed : silence)];
    }

    public IPEndPoint Forward => (IPEndPoint)_sinks[0].LocalEndPoint!;

    public IPEndPoint Record => (IPEndPoint)_sinks[1].LocalEndPoint!;

    public LongHistogram Delay { get; } = new(1, 10_000_000, 3); // microseconds

    public long Sent { get; private set; }

    public long Received => Interlocked.Read(ref _received);

    public long Late => Interlocked.Read(ref _late);

    /// <summary>Runs the calls for the whole length; only packets sent after <paramref name="warmup"/> are measured.</summary>
    public void Run(TimeSpan warmup, CancellationToken cancellationToken)
    {
        _receivers.AddRange(_sinks.Select(s => new Thread(() => Receive(s, cancellationToken)) { IsBackground = true, Priority = ThreadPriority.AboveNormal }));
        _receivers.ForEach(t => t.Start());
        var packet = new byte[12 + Samples];
        var targets = Enumerable.Range(0, _calls).Select(i => new IPEndPoint(IPAddress.Loopback, _portStart + i).Serialize()).ToArray();
        var start = Stopwatch.GetTimestamp();
        var periodTicks = 20 * TicksPerMs;
        var warmupPackets = (int)(warmup.TotalMilliseconds / 20);
        for (var k = 0; k < _packetsPerCall && !cancellationToken.IsCancellationRequested; k++)
        {
            _measuring = k >= warmupPackets;
            for (var call = 0; call < _calls; call++)
            {
                var due = start + (long)((k * periodTicks) + (call * periodTicks / _calls));
                while (Stopwatch.GetTimestamp() < due)
                {
                    if (due - Stopwatch.GetTimestamp() > 2 * TicksPerMs)
                    {
                        Thread.Sleep(1);
                    }
                    else
                    {
                        Thread.SpinWait(20);
                    }
                }

                Write(packet, call, k);
                _sentAt[call, k] = Stopwatch.GetTimestamp();
                _sender.SendTo(packet, SocketFlags.None, targets[call]);
                if (_measuring)
                {
                    Sent++;
                }
            }
        }
    }

    /// <summary>Stops receiving (after the last copies in flight had their time) and merges the receivers' histograms.</summary>
    public void Finish()
    {
        Thread.Sleep(500);
        foreach (var sink in _sinks)
        {
            sink.Dispose();
        }

        _receivers.ForEach(t => t.Join());
    }

    public void Dispose()
    {
        _sender.Dispose();
        foreach (var sink in _sinks)
        {
            sink.Dispose();
        }
    }

    private void Write(byte[] packet, int call, int k)
    {
        packet[0] = 0x80;
        packet[1] = 0; // PCMU
        BinaryPrimitives.WriteUInt16BigEndian(packet.AsSpan(2), (ushort)k);
        BinaryPrimitives.WriteUInt32BigEndian(packet.AsSpan(4), ((uint)call << 20) + ((uint)k * Samples));
        BinaryPrimitives.WriteUInt32BigEndian(packet.AsSpan(8), 0x10000000u + (uint)call);
        var audio = _audio[call];
        var offset = (k * Samples) % (audio.Length - Samples);
        audio.AsSpan(offset, Samples).CopyTo(packet.AsSpan(12));
    }

    private void Receive(Socket sink, CancellationToken cancellationToken)
    {
        var buffer = new byte[2048];
        var histogram = new LongHistogram(1, 10_000_000, 3);
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                var n = sink.Receive(buffer);
                var now = Stopwatch.GetTimestamp();
                if (n < 12 || !_measuring)
                {
                    continue;
                }

                var timestamp = BinaryPrimitives.ReadUInt32BigEndian(buffer.AsSpan(4));
                var call = (int)(timestamp >> 20);
                var k = (int)((timestamp & 0xFFFFF) / Samples);
                if (call >= _calls || k >= _packetsPerCall || _sentAt[call, k] == 0)
                {
                    continue;
                }

                var micros = (long)((now - _sentAt[call, k]) * 1_000_000.0 / Stopwatch.Frequency);
                histogram.RecordValue(Math.Clamp(micros, 1, 10_000_000));
                Interlocked.Increment(ref _received);
                if (micros > 20_000)
                {
                    Interlocked.Increment(ref _late);
                }
            }
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
            // The generator is done.
        }
        finally
        {
            lock (Delay)
            {
                Delay.Add(histogram);
            }
        }
    }

    private static Socket NewSocket()
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp) { ReceiveBufferSize = 8 * 1024 * 1024 };
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return socket;
    }
}
