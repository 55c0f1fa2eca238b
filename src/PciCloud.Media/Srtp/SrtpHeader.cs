using System.Buffers.Binary;

namespace PciCloud.Media.Srtp;

/// <summary>
/// The parts of an RTP header SRTP needs before it may trust the packet: its length (fixed part,
/// CSRC list, extension), the sequence number and the SSRC. Padding is not read: in SRTP it is
/// encrypted with the payload, and the last octet is a tag byte until the tag is removed.
/// </summary>
internal static class SrtpHeader
{
    public const int FixedLength = 12;

    /// <summary>The header length, or <see cref="SrtpError"/> when the header is not whole inside <paramref name="packet"/>.</summary>
    public static SrtpError TryGetLength(ReadOnlySpan<byte> packet, out int headerLength)
    {
        headerLength = 0;
        if (packet.Length < FixedLength || packet[0] >> 6 != 2)
        {
            return SrtpError.Malformed;
        }

        var length = FixedLength + (4 * (packet[0] & 0x0F));
        if ((packet[0] & 0x10) != 0)
        {
            if (length + 4 > packet.Length)
            {
                return SrtpError.HeaderOverrun;
            }

            length += 4 + (4 * BinaryPrimitives.ReadUInt16BigEndian(packet[(length + 2)..]));
        }

        if (length > packet.Length)
        {
            return SrtpError.HeaderOverrun;
        }

        headerLength = length;
        return SrtpError.None;
    }

    public static ushort Sequence(ReadOnlySpan<byte> packet) => BinaryPrimitives.ReadUInt16BigEndian(packet[2..]);

    public static uint Ssrc(ReadOnlySpan<byte> packet) => BinaryPrimitives.ReadUInt32BigEndian(packet[8..]);
}
