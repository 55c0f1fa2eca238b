namespace PciCloud.MaskingWorker.Diagnostics;

/// <summary>Why an incoming packet or frame was not forwarded.</summary>
public enum DropReason
{
    /// <summary>Not a valid RTP packet (or an unparsable WebSocket message).</summary>
    Malformed,

    /// <summary>Larger than the configured maximum.</summary>
    TooLarge,

    /// <summary>From another address than the learned or expected source.</summary>
    UnexpectedSource,

    /// <summary>A sequence number already seen.</summary>
    Duplicate,

    /// <summary>Arrived after a newer packet (reordered): too late to play, never forwarded raw.</summary>
    Reordered,

    /// <summary>A sequence jump too large to be loss, not yet confirmed by the next packet (RFC 3550 A.1).</summary>
    SequenceJump,

    /// <summary>A masked packet the operating system refused to send.</summary>
    SendFailed,

    /// <summary>A payload type that is neither the call's codec nor its telephone events.</summary>
    UnknownPayloadType,

    /// <summary>A payload that is not a whole number of samples the path can take.</summary>
    BadPayloadSize,

    /// <summary>An RFC 4733 telephone event: consumed, never forwarded (not an error).</summary>
    TelephoneEventConsumed,

    /// <summary>The stream's masker failed; its output is silence from then on.</summary>
    StreamFaulted,

    /// <summary>
    /// Audio for a span already sent as masking tone: a key press's events ran ahead of the audio (or the
    /// phone sent none during it), so the worker filled the span itself (not an error).
    /// </summary>
    CoveredByMaskingTone,

    /// <summary>An SRTP packet whose tag did not authenticate under the leg's key (forged, corrupted or wrongly keyed).</summary>
    SrtpAuthenticationFailed,

    /// <summary>An SRTP packet refused before its tag was checked: replayed, older than the window, malformed or over the key's limits.</summary>
    SrtpRefused,

    /// <summary>More packets per second from the call's source than a call can carry (MaxPacketsPerSecondPerCall).</summary>
    RateLimited,

    /// <summary>A SIP call's customer audio before its answer fixed the codec: dropped, never relayed unmasked.</summary>
    NotNegotiated,
}
