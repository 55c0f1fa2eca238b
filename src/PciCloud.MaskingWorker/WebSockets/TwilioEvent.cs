namespace PciCloud.MaskingWorker.WebSockets;

/// <summary>What one inbound Twilio Media Streams frame is, once read and validated.</summary>
internal enum TwilioEvent
{
    /// <summary>Not JSON, a wrong type, an unknown event, or a media frame without valid audio.</summary>
    Malformed,
    Connected,
    Start,
    Media,
    Dtmf,
    Stop,
    Mark,
}
