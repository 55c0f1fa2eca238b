namespace PciCloud.Media.TelephoneEvents;

/// <summary>Where a key press was seen.</summary>
public enum KeyPressSource : byte
{
    /// <summary>Detected in the audio by the DTMF detector.</summary>
    InBand,

    /// <summary>An RFC 4733 telephone event on the RTP stream.</summary>
    Rfc4733,

    /// <summary>A <c>dtmf</c> frame on a WebSocket media stream.</summary>
    WebSocketDtmf,
}
