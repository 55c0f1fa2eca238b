using BenchmarkDotNet.Attributes;
using PciCloud.Media.Rtp;
using PciCloud.Media.Srtp;

namespace PciCloud.Media.Benchmarks;

/// <summary>
/// SRTP cost per 20 ms PCMU packet (12-byte header + 160 bytes) next to a plain RTP parse. One
/// operation is one packet; [MemoryDiagnoser] must show 0 B allocated. Each call sends the next
/// sequence number (a sender refuses to reuse an index, a receiver refuses a replay), so a run
/// crosses the 16-bit wrap as a long call does. Unprotect alone cannot run on its own without a
/// replay window that forgets, so it is measured inside a round trip: unprotect = round trip - protect.
/// </summary>
[MemoryDiagnoser]
public class SrtpBenchmarks
{
    private readonly byte[] _plain = new byte[12 + 160];
    private readonly byte[] _buffer = new byte[12 + 160 + SrtpSuites.MaxTagLength];
    private SrtpContext _sender = null!;
    private SrtpContext _roundTripSender = null!;
    private SrtpContext _receiver = null!;
    private ushort _sequence;
    private ushort _roundTripSequence;

    [Params(SrtpSuite.AesCm128HmacSha1_80, SrtpSuite.AesCm128HmacSha1_32)]
    public SrtpSuite Suite { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        using var key = SrtpMasterKey.Generate(Suite);
        _sender = new SrtpContext(key);
        _roundTripSender = new SrtpContext(key);
        _receiver = new SrtpContext(key);
        var payload = new byte[160];
        Random.Shared.NextBytes(payload);
        RtpWriter.TryWrite(new RtpHeader(0, 0, 160, 0x1234), payload, _plain, out _);
        if (Protect() < 0 || ProtectThenUnprotect() != _plain.Length)
        {
            throw new InvalidOperationException("The SRTP round trip failed: the figures would measure a rejection path.");
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _sender.Dispose();
        _roundTripSender.Dispose();
        _receiver.Dispose();
    }

    [Benchmark(Baseline = true)]
    public int ParseRtp()
    {
        RtpPacket.TryParse(_plain, out var packet, out _);
        return packet.Payload.Length + packet.SequenceNumber;
    }

    [Benchmark]
    public int Protect()
    {
        _plain.CopyTo(_buffer, 0);
        RtpWriter.SetSequenceNumber(_buffer, ++_sequence);
        return _sender.TryProtect(_buffer, _plain.Length, out var length, out _) ? length : -1;
    }

    [Benchmark]
    public int ProtectThenUnprotect()
    {
        _plain.CopyTo(_buffer, 0);
        RtpWriter.SetSequenceNumber(_buffer, ++_roundTripSequence);
        _roundTripSender.TryProtect(_buffer, _plain.Length, out var length, out _);
        return _receiver.TryUnprotect(_buffer.AsSpan(0, length), out var plainLength, out _) ? plainLength : -1;
    }
}
