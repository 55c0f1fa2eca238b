namespace PciCloud.MaskingWorker.Calls;

/// <summary>The G.711 codec of a call; the RTP static payload type is its value.</summary>
public enum AudioCodec
{
    Pcmu = 0,
    Pcma = 8,
}
