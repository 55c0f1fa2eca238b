using System.Buffers.Binary;
using System.Runtime.CompilerServices;

namespace PciCloud.Media.Rtp;

/// <summary>
/// Writes RTP packets (RFC 3550 section 5.1) into caller-owned buffers, and patches header
/// fields of a packet in place (a relay renumbers packets it forwards).
/// </summary>
public static class RtpWriter
{
    private const int MaxCsrcs = 15;
    private const int MaxExtensionWords = ushort.MaxValue;

    /// <summary>The number of bytes <see cref="TryWrite(in RtpHeader, ReadOnlySpan{uint}, in RtpHeaderExtension, ReadOnlySpan{byte}, int, Span{byte}, out int)"/> needs.</summary>
    public static int GetLength(int csrcCount, in RtpHeaderExtension extension, int payloadLength, int paddingLength) =>
        RtpPacket.FixedHeaderLength + (4 * csrcCount) + (extension.IsPresent ? 4 + extension.Data.Length : 0)
        + payloadLength + paddingLength;

    /// <summary>Writes a packet with no CSRC, extension or padding.</summary>
    public static bool TryWrite(in RtpHeader header, ReadOnlySpan<byte> payload, Span<byte> destination, out int bytesWritten) =>
        TryWrite(header, default, RtpHeaderExtension.None, payload, 0, destination, out bytesWritten);

    /// <summary>
    /// Writes a full packet. Returns false (writing nothing) when <paramref name="destination"/> is too
    /// short; throws <see cref="ArgumentException"/> for arguments no valid packet can carry.
    /// </summary>
    public static bool TryWrite(
        in RtpHeader header,
        ReadOnlySpan<uint> csrcs,
        in RtpHeaderExtension extension,
        ReadOnlySpan<byte> payload,
        int paddingLength,
        Span<byte> destination,
        out int bytesWritten)
    {
        Validate(header, csrcs.Length, extension, paddingLength);
        var length = GetLength(csrcs.Length, extension, payload.Length, paddingLength);
        if (destination.Length < length)
        {
            bytesWritten = 0;
            return false;
        }

        var offset = WriteHeader(header, csrcs, extension, paddingLength > 0, destination);
        payload.CopyTo(destination[offset..]);
        offset += payload.Length;
        if (paddingLength > 0)
        {
            destination.Slice(offset, paddingLength - 1).Clear();
            destination[offset + paddingLength - 1] = (byte)paddingLength;
        }

        bytesWritten = length;
        return true;
    }

    /// <summary>
    /// Writes the 12-byte fixed header alone (no CSRC, extension or padding), for a sender that
    /// writes the payload in place after it, at <see cref="RtpPacket.FixedHeaderLength"/>.
    /// </summary>
    public static bool TryWriteHeader(in RtpHeader header, Span<byte> destination, out int bytesWritten) =>
        TryWriteHeader(header, default, RtpHeaderExtension.None, padded: false, destination, out bytesWritten);

    /// <summary>
    /// Writes everything before the payload: the fixed header, the CSRCs and the extension. The caller
    /// writes the payload after it, and, when <paramref name="padded"/>, the padding (its last octet the
    /// padding length). Returns false (writing nothing) when <paramref name="destination"/> is too short;
    /// throws <see cref="ArgumentException"/> for arguments no valid packet can carry.
    /// </summary>
    public static bool TryWriteHeader(
        in RtpHeader header,
        ReadOnlySpan<uint> csrcs,
        in RtpHeaderExtension extension,
        bool padded,
        Span<byte> destination,
        out int bytesWritten)
    {
        Validate(header, csrcs.Length, extension, paddingLength: 0);
        var length = GetLength(csrcs.Length, extension, payloadLength: 0, paddingLength: 0);
        if (destination.Length < length)
        {
            bytesWritten = 0;
            return false;
        }

        bytesWritten = WriteHeader(header, csrcs, extension, padded, destination);
        return true;
    }

    public static void SetSequenceNumber(Span<byte> packet, ushort sequenceNumber) =>
        BinaryPrimitives.WriteUInt16BigEndian(Header(packet)[2..], sequenceNumber);

    public static void SetTimestamp(Span<byte> packet, uint timestamp) =>
        BinaryPrimitives.WriteUInt32BigEndian(Header(packet)[4..], timestamp);

    public static void SetSsrc(Span<byte> packet, uint ssrc) =>
        BinaryPrimitives.WriteUInt32BigEndian(Header(packet)[8..], ssrc);

    public static void SetMarker(Span<byte> packet, bool marker)
    {
        var header = Header(packet);
        header[1] = (byte)((header[1] & 0x7F) | (marker ? 0x80 : 0));
    }

    public static void SetPayloadType(Span<byte> packet, byte payloadType)
    {
        if (payloadType > 127)
        {
            ThrowArgument(nameof(payloadType), "The payload type is a 7-bit field.");
        }

        var header = Header(packet);
        header[1] = (byte)((header[1] & 0x80) | payloadType);
    }

    /// <summary>The header bytes, for arguments already validated and a destination already long enough.</summary>
    private static int WriteHeader(in RtpHeader header, ReadOnlySpan<uint> csrcs, in RtpHeaderExtension extension, bool padded, Span<byte> destination)
    {
        var first = (RtpPacket.SupportedVersion << 6) | csrcs.Length;
        first |= padded ? 0x20 : 0;
        first |= extension.IsPresent ? 0x10 : 0;
        destination[0] = (byte)first;
        destination[1] = (byte)((header.Marker ? 0x80 : 0) | header.PayloadType);
        BinaryPrimitives.WriteUInt16BigEndian(destination[2..], header.SequenceNumber);
        BinaryPrimitives.WriteUInt32BigEndian(destination[4..], header.Timestamp);
        BinaryPrimitives.WriteUInt32BigEndian(destination[8..], header.Ssrc);
        var offset = RtpPacket.FixedHeaderLength;
        foreach (var csrc in csrcs)
        {
            BinaryPrimitives.WriteUInt32BigEndian(destination[offset..], csrc);
            offset += 4;
        }

        if (extension.IsPresent)
        {
            BinaryPrimitives.WriteUInt16BigEndian(destination[offset..], extension.Profile);
            BinaryPrimitives.WriteUInt16BigEndian(destination[(offset + 2)..], (ushort)(extension.Data.Length / 4));
            extension.Data.CopyTo(destination[(offset + 4)..]);
            offset += 4 + extension.Data.Length;
        }

        return offset;
    }

    private static Span<byte> Header(Span<byte> packet)
    {
        if (packet.Length < RtpPacket.FixedHeaderLength)
        {
            ThrowArgument(nameof(packet), "An RTP packet is at least 12 bytes.");
        }

        return packet;
    }

    private static void Validate(in RtpHeader header, int csrcCount, in RtpHeaderExtension extension, int paddingLength)
    {
        if (header.PayloadType > 127)
        {
            ThrowArgument(nameof(header), "The payload type is a 7-bit field.");
        }

        if (header.Marker && header.PayloadType is >= 72 and <= 76)
        {
            ThrowArgument(nameof(header), "Marker with payload type 72-76 reads as RTCP (RFC 5761).");
        }

        if (csrcCount > MaxCsrcs)
        {
            ThrowArgument("csrcs", "An RTP packet carries at most 15 CSRCs.");
        }

        if (extension.IsPresent && (extension.Data.Length % 4 != 0 || extension.Data.Length / 4 > MaxExtensionWords))
        {
            ThrowArgument(nameof(extension), "Extension data is whole 32-bit words, at most 65 535 of them.");
        }

        if ((uint)paddingLength > byte.MaxValue)
        {
            ThrowArgument(nameof(paddingLength), "Padding is 0 to 255 octets.");
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowArgument(string name, string message) => throw new ArgumentException(message, name);
}
