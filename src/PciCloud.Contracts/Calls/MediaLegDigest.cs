namespace PciCloud.Contracts.Calls;

/// <summary>
/// The running SHA-256 (lower-case hex) of the masked payload bytes a worker sent on one leg
/// ("forward", "record" or "websocket"), in order, with how many bytes and packets it covers.
/// </summary>
[GenerateSerializer, Immutable, Alias("pcicloud.media-leg-digest.v1")]
public sealed record MediaLegDigest(
    [property: Id(0)] string Leg,
    [property: Id(1)] string? Destination,
    [property: Id(2)] long Bytes,
    [property: Id(3)] long Packets,
    [property: Id(4)] string Sha256);
