namespace PciCloud.MaskingWorker.Calls;

/// <summary>Where the worker sends a call's masked audio: the agent (forwardTo), the recorder (recordTo), or back on the WebSocket.</summary>
public enum MediaLeg
{
    Forward,
    Record,
    WebSocket,
}
