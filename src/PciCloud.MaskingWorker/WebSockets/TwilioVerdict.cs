namespace PciCloud.MaskingWorker.WebSockets;

/// <summary>What a WebSocket media stream does after one frame.</summary>
internal enum TwilioVerdict
{
    Continue,
    Stopped,
    Malformed,
    Unsupported,
    TooLarge,
}
