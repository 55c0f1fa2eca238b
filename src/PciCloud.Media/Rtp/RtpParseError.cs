namespace PciCloud.Media.Rtp;

/// <summary>Why <see cref="RtpPacket.TryParse"/> rejected a datagram (RFC 3550 section 5.1 and A.1).</summary>
public enum RtpParseError
{
    /// <summary>The packet was accepted.</summary>
    None = 0,

    /// <summary>Shorter than the 12-byte fixed header.</summary>
    TooShort,

    /// <summary>The version field is not 2.</summary>
    BadVersion,

    /// <summary>The CSRC list runs past the end of the packet.</summary>
    CsrcOverrun,

    /// <summary>The header extension (or its 4-byte preamble) runs past the end of the packet.</summary>
    ExtensionOverrun,

    /// <summary>The P bit is set but the padding count (last octet) is 0, which RFC 3550 does not allow.</summary>
    PaddingZero,

    /// <summary>The padding count is larger than what follows the header.</summary>
    PaddingTooLong,

    /// <summary>Marker and payload type read as RTCP packet types 200-204 (RFC 5761): an RTCP packet on the RTP port.</summary>
    RtcpPacket,
}
