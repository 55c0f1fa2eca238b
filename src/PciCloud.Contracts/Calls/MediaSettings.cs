namespace PciCloud.Contracts.Calls;

/// <summary>
/// What a masking worker needs to carry a call: codec, transport, where masked audio may go, the
/// expected source, the SHA-256 (hex) of the call's media token so it can check a connection, and
/// the SRTP keys of its legs (secrets, from the CallGrain's memory).
/// </summary>
[GenerateSerializer, Immutable, Alias("pcicloud.media-settings.v1")]
public sealed record MediaSettings(
    [property: Id(0)] string CallId,
    [property: Id(1)] string TenantId,
    [property: Id(2)] string Transport,
    [property: Id(3)] string Codec,
    [property: Id(4)] string? ForwardTo,
    [property: Id(5)] string? RecordTo,
    [property: Id(6)] string? ExpectFrom,
    [property: Id(7)] string WorkerId,
    [property: Id(8)] int? RtpPort,
    [property: Id(9)] string MediaTokenSha256,
    [property: Id(10)] bool Active,
    [property: Id(11)] CallSrtpKeys? Srtp = null);
