namespace PciCloud.Media.Srtp;

/// <summary>Why <see cref="SrtpContext"/> refused a packet. The caller drops it and counts the reason.</summary>
public enum SrtpError
{
    None = 0,

    /// <summary>Shorter than an RTP header plus the tag, or not RTP version 2.</summary>
    Malformed,

    /// <summary>The CSRC list or header extension runs past the packet.</summary>
    HeaderOverrun,

    /// <summary>The tag does not match: a forged, corrupted or wrongly keyed packet.</summary>
    AuthenticationFailed,

    /// <summary>This packet index was already accepted (received, or sent by us).</summary>
    Replayed,

    /// <summary>Older than the replay window: it can no longer be told apart from a replay.</summary>
    TooOld,

    /// <summary>A new SSRC arrived after the context's fixed number of sources was in use.</summary>
    TooManySources,

    /// <summary>Protect: the buffer has no room for the tag after the packet.</summary>
    BufferTooSmall,

    /// <summary>The master key has protected or accepted as many packets as its lifetime allows.</summary>
    KeyExpired,
}
