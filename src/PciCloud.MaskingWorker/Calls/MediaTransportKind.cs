namespace PciCloud.MaskingWorker.Calls;

public enum MediaTransportKind
{
    Rtp,
    WebSocket,
}
