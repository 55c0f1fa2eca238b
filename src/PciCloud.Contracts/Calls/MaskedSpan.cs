namespace PciCloud.Contracts.Calls;

/// <summary>A stretch of the call's output audio that was replaced by the masking tone.</summary>
[GenerateSerializer, Immutable, Alias("pcicloud.masked-span.v1")]
public sealed record MaskedSpan([property: Id(0)] double StartMs, [property: Id(1)] double DurationMs);
