namespace PciCloud.Media.Rtp;

/// <summary>The fixed RTP header fields a sender chooses (RFC 3550 section 5.1), for <see cref="RtpWriter"/>.</summary>
/// <param name="PayloadType">7-bit payload type (0-127).</param>
/// <param name="SequenceNumber">16-bit sequence number.</param>
/// <param name="Timestamp">32-bit sampling instant of the first payload octet.</param>
/// <param name="Ssrc">Synchronization source identifier.</param>
/// <param name="Marker">The M bit.</param>
public readonly record struct RtpHeader(byte PayloadType, ushort SequenceNumber, uint Timestamp, uint Ssrc, bool Marker = false);
