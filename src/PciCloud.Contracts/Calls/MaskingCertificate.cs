namespace PciCloud.Contracts.Calls;

/// <summary>
/// A signed masking certificate (JWS compact, ES256) of one call. <see cref="Final"/>: issued once the
/// call ended and its evidence was complete (kept, and its digest is in the tenant's audit chain);
/// otherwise issued on demand over the evidence so far.
/// </summary>
[GenerateSerializer, Immutable, Alias("pcicloud.masking-certificate.v1")]
public sealed record MaskingCertificate(
    [property: Id(0)] string Jws,
    [property: Id(1)] bool Final,
    [property: Id(2)] string KeyId,
    [property: Id(3)] DateTimeOffset IssuedAt);
