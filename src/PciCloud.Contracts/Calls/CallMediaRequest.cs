namespace PciCloud.Contracts.Calls;

/// <summary>The media part of a call registration (validated by the API before it gets here).</summary>
[GenerateSerializer, Immutable, Alias("pcicloud.call-media-request.v1")]
public sealed record CallMediaRequest(
    [property: Id(0)] string Transport,
    [property: Id(1)] string Codec,
    [property: Id(2)] string? ForwardTo,
    [property: Id(3)] string? RecordTo,
    [property: Id(4)] string? ExpectFrom);
