using BenchmarkDotNet.Attributes;
using PciCloud.Media.Evidence;
using PciCloud.Media.Rtp;
using PciCloud.Media.TelephoneEvents;

namespace PciCloud.Media.Benchmarks;

/// <summary>
/// The per-packet protocol path and the per-frame evidence check. Each operation is one 20 ms
/// packet/frame; [MemoryDiagnoser] must show 0 B allocated.
/// </summary>
[MemoryDiagnoser]
public class ProtocolBenchmarks
{
    private readonly byte[] _audioPacket = new byte[12 + 160];
    private readonly byte[] _eventPacket = new byte[12 + 4];
    private readonly short[] _tone = new short[8000];
    private readonly TelephoneEventTracker _tracker = new();
    private readonly OutputLeakDetector _detector = new();
    private int _frame;
    private uint _timestamp;

    [GlobalSetup]
    public void Setup()
    {
        RtpWriter.TryWrite(new RtpHeader(0, 1, 160, 0x1234), new byte[160], _audioPacket, out _);
        Span<byte> block = stackalloc byte[4];
        new TelephoneEvent(5, false, 10, 480).TryWrite(block);
        RtpWriter.TryWrite(new RtpHeader(101, 2, 320, 0x1234), block, _eventPacket, out _);
        for (var i = 0; i < _tone.Length; i++)
        {
            // A DTMF '5' at -10 dBm0 per tone: the detector's worst case (every frame analysed fully).
            _tone[i] = (short)(7218 * (Math.Sin(2 * Math.PI * 770 * i / 8000) + Math.Sin(2 * Math.PI * 1336 * i / 8000)));
        }
    }

    [Benchmark]
    public int ParseRtpPacket()
    {
        RtpPacket.TryParse(_audioPacket, out var packet, out _);
        return packet.Payload.Length + packet.SequenceNumber;
    }

    [Benchmark]
    public int ParseRtpAndTelephoneEvent()
    {
        RtpPacket.TryParse(_eventPacket, out var packet, out _);
        TelephoneEvent.TryParse(packet.Payload, out var ev, out _);
        _tracker.Process(packet.Timestamp + (_timestamp += 800), ev);
        var count = 0;
        while (_tracker.TryRead(out _))
        {
            count++;
        }

        return count;
    }

    [Benchmark]
    public int LeakDetectorPerFrame()
    {
        _frame = (_frame + 160) % _tone.Length;
        var leaks = _detector.Process(_tone.AsSpan(_frame, 160));
        while (_detector.TryReadLeak(out _))
        {
            leaks++;
        }

        return leaks;
    }
}
