using System.Buffers.Binary;
using System.Runtime.CompilerServices;

namespace PciCloud.Media.Rtp;

/// <summary>
/// A validated, zero-copy view over one RTP packet (RFC 3550 section 5.1). Only
/// <see cref="TryParse"/> creates one, so every offset it exposes lies inside the datagram.
/// </summary>
public readonly ref struct RtpPacket
{
    /// <summary>The size of the fixed header, before any CSRC or extension.</summary>
    public const int FixedHeaderLength = 12;

    /// <summary>The RTP version this parser accepts.</summary>
    public const int SupportedVersion = 2;

    private readonly ReadOnlySpan<byte> _packet;
    private readonly int _extensionOffset; // -1 when there is no extension
    private readonly int _payloadOffset;
    private readonly int _payloadLength;

    private RtpPacket(ReadOnlySpan<byte> packet, int extensionOffset, int payloadOffset, int payloadLength)
    {
        _packet = packet;
        _extensionOffset = extensionOffset;
        _payloadOffset = payloadOffset;
        _payloadLength = payloadLength;
    }

    public int Version => _packet[0] >> 6;

    public bool HasPadding => (_packet[0] & 0x20) != 0;

    public bool HasExtension => (_packet[0] & 0x10) != 0;

    public int CsrcCount => _packet[0] & 0x0F;

    public bool Marker => (_packet[1] & 0x80) != 0;

    public byte PayloadType => (byte)(_packet[1] & 0x7F);

    public ushort SequenceNumber => BinaryPrimitives.ReadUInt16BigEndian(_packet[2..]);

    public uint Timestamp => BinaryPrimitives.ReadUInt32BigEndian(_packet[4..]);

    public uint Ssrc => BinaryPrimitives.ReadUInt32BigEndian(_packet[8..]);

    /// <summary>The whole packet as received.</summary>
    public ReadOnlySpan<byte> Bytes => _packet;

    /// <summary>Header length: fixed part, CSRC list and extension.</summary>
    public int HeaderLength => _payloadOffset;

    /// <summary>The payload, without header and without padding.</summary>
    public ReadOnlySpan<byte> Payload => _packet.Slice(_payloadOffset, _payloadLength);

    /// <summary>Number of padding octets at the end (0 when the P bit is clear).</summary>
    public int PaddingLength => _packet.Length - _payloadOffset - _payloadLength;

    /// <summary>The 16-bit profile-defined field of the header extension (0 when absent).</summary>
    public ushort ExtensionProfile =>
        _extensionOffset < 0 ? (ushort)0 : BinaryPrimitives.ReadUInt16BigEndian(_packet[_extensionOffset..]);

    /// <summary>The header extension's data words, without its 4-byte preamble (empty when absent).</summary>
    public ReadOnlySpan<byte> ExtensionData =>
        _extensionOffset < 0 ? default : _packet[(_extensionOffset + 4).._payloadOffset];

    /// <summary>The contributing source at <paramref name="index"/> (0 to <see cref="CsrcCount"/> - 1).</summary>
    public uint GetCsrc(int index)
    {
        if ((uint)index >= (uint)CsrcCount)
        {
            ThrowIndexOutOfRange();
        }

        return BinaryPrimitives.ReadUInt32BigEndian(_packet[(FixedHeaderLength + (4 * index))..]);
    }

    /// <summary>
    /// Validates <paramref name="packet"/> as an RTP packet. Never throws; on failure
    /// <paramref name="error"/> says why and <paramref name="result"/> is default.
    /// </summary>
    public static bool TryParse(ReadOnlySpan<byte> packet, out RtpPacket result, out RtpParseError error)
    {
        result = default;
        if (packet.Length < FixedHeaderLength)
        {
            return Reject(RtpParseError.TooShort, out error);
        }

        var first = packet[0];
        if (first >> 6 != SupportedVersion)
        {
            return Reject(RtpParseError.BadVersion, out error);
        }

        // RFC 5761 section 4: with the marker bit, payload types 72-76 are RTCP SR/RR/SDES/BYE/APP.
        var markerAndType = packet[1];
        if (markerAndType is >= 200 and <= 204)
        {
            return Reject(RtpParseError.RtcpPacket, out error);
        }

        var offset = FixedHeaderLength + (4 * (first & 0x0F));
        if (offset > packet.Length)
        {
            return Reject(RtpParseError.CsrcOverrun, out error);
        }

        var extensionOffset = -1;
        if ((first & 0x10) != 0)
        {
            if (packet.Length - offset < 4)
            {
                return Reject(RtpParseError.ExtensionOverrun, out error);
            }

            var words = BinaryPrimitives.ReadUInt16BigEndian(packet[(offset + 2)..]);
            extensionOffset = offset;
            offset += 4 + (4 * words);
            if (offset > packet.Length)
            {
                return Reject(RtpParseError.ExtensionOverrun, out error);
            }
        }

        var end = packet.Length;
        if ((first & 0x20) != 0)
        {
            int padding = packet[^1];
            if (padding == 0)
            {
                return Reject(RtpParseError.PaddingZero, out error);
            }

            if (padding > end - offset)
            {
                return Reject(RtpParseError.PaddingTooLong, out error);
            }

            end -= padding;
        }

        result = new RtpPacket(packet, extensionOffset, offset, end - offset);
        error = RtpParseError.None;
        return true;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static bool Reject(RtpParseError reason, out RtpParseError error)
    {
        error = reason;
        return false;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowIndexOutOfRange() =>
        throw new ArgumentOutOfRangeException("index", "The CSRC index is outside the CSRC list.");
}
