namespace PciCloud.Signalling.Sdp;

/// <summary>An SDP the worker cannot relay; the message is safe to send to the proxy.</summary>
public sealed class SdpException(string message) : Exception(message);
