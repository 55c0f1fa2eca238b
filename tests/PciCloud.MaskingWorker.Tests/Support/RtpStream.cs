using PciCloud.Media.Rtp;
using PciCloud.Media.TelephoneEvents;

namespace PciCloud.MaskingWorker.Tests.Support;

/// <summary>Builds the packets a phone would send: audio in 20 ms packets, RFC 4733 events beside it.</summary>
internal sealed class RtpStream(byte payloadType, ushort firstSequence = 65500, uint firstTimestamp = 4294960000, uint ssrc = 0x1234ABCD)
{
    public const int SamplesPerPacket = 160;

    private ushort _sequence = firstSequence;

    public uint Ssrc { get; set; } = ssrc;

    public ushort NextSequence => _sequence;

    public uint BaseTimestamp { get; } = firstTimestamp;

    public byte[] Audio(ReadOnlySpan<byte> codes, long sampleOffset, bool marker = false) =>
        Packet(payloadType, BaseTimestamp + (uint)sampleOffset, codes, marker);

    public byte[] Event(char key, long startSample, int durationSamples, bool end, byte eventPayloadType = 101)
    {
        DtmfEvents.TryGetCode(key, out var code);
        var payload = new byte[TelephoneEvent.Length];
        new TelephoneEvent(code, end, 10, (ushort)durationSamples).TryWrite(payload);
        return Packet(eventPayloadType, BaseTimestamp + (uint)startSample, payload, marker: durationSamples == 0);
    }

    /// <summary>Audio packets of <paramref name="codes"/>, 20 ms each, from sample 0.</summary>
    public List<(long AtSample, byte[] Packet)> AudioPackets(byte[] codes)
    {
        var packets = new List<(long, byte[])>();
        for (var offset = 0; offset + SamplesPerPacket <= codes.Length; offset += SamplesPerPacket)
        {
            packets.Add((offset, Audio(codes.AsSpan(offset, SamplesPerPacket), offset, marker: offset == 0)));
        }

        return packets;
    }

    private byte[] Packet(byte pt, uint timestamp, ReadOnlySpan<byte> payload, bool marker)
    {
        var packet = new byte[RtpPacket.FixedHeaderLength + payload.Length];
        RtpWriter.TryWrite(new RtpHeader(pt, _sequence++, timestamp, Ssrc, marker), payload, packet, out _);
        return packet;
    }
}
