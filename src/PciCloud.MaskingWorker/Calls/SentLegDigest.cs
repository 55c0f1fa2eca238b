namespace PciCloud.MaskingWorker.Calls;

/// <summary>
/// The running SHA-256 (lower-case hex) of the payload bytes sent on one leg so far, in order;
/// <paramref name="Leg"/> is "forward", "record" or "websocket".
/// </summary>
public sealed record SentLegDigest(string Leg, string? Destination, long Bytes, long Packets, string Sha256);
