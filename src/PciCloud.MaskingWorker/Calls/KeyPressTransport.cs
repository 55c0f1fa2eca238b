namespace PciCloud.MaskingWorker.Calls;

/// <summary>How a key press reached the worker; the names are the API's masking-report values.</summary>
public enum KeyPressTransport
{
    /// <summary>Detected in the audio ("inband").</summary>
    InBand,

    /// <summary>An RFC 4733 telephone event on the RTP path ("rfc4733").</summary>
    Rfc4733,

    /// <summary>A <c>dtmf</c> frame on a WebSocket media stream ("websocket-dtmf").</summary>
    WebSocketDtmf,
}
