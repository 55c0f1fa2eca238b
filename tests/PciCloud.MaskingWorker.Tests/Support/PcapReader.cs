using System.Buffers.Binary;

namespace PciCloud.MaskingWorker.Tests.Support;

/// <summary>
/// Reads the UDP payloads of a classic libpcap file (Ethernet or Linux cooked link types, IPv4):
/// enough to replay the RTP of Debian's sip-tester captures.
/// </summary>
internal static class PcapReader
{
    public static List<byte[]> UdpPayloads(string path)
    {
        var data = File.ReadAllBytes(path);
        var magic = BinaryPrimitives.ReadUInt32LittleEndian(data);
        var littleEndian = magic == 0xA1B2C3D4;
        Assert.True(littleEndian || magic == 0xD4C3B2A1, "a classic pcap file");
        uint U32(int at) => littleEndian ? BinaryPrimitives.ReadUInt32LittleEndian(data.AsSpan(at)) : BinaryPrimitives.ReadUInt32BigEndian(data.AsSpan(at));
        var linkType = U32(20);
        var linkHeader = linkType switch { 1 => 14, 113 => 16, _ => throw new NotSupportedException($"link type {linkType}") };
        var payloads = new List<byte[]>();
        for (var offset = 24; offset + 16 <= data.Length;)
        {
            var captured = (int)U32(offset + 8);
            var frame = data.AsSpan(offset + 16, captured);
            offset += 16 + captured;
            var ip = frame[linkHeader..];
            if (ip[0] >> 4 != 4 || ip[9] != 17)
            {
                continue; // not IPv4 UDP
            }

            var udp = ip[((ip[0] & 0x0F) * 4)..];
            var length = BinaryPrimitives.ReadUInt16BigEndian(udp[4..]);
            payloads.Add(udp[8..length].ToArray());
        }

        return payloads;
    }
}
