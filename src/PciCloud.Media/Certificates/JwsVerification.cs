namespace PciCloud.Media.Certificates;

/// <summary>The outcome of <see cref="Es256Jws.Verify"/>: the payload only when the signature holds.</summary>
public sealed record JwsVerification(bool Valid, string? KeyId, byte[]? Payload, string? Error)
{
    internal static JwsVerification Fail(string error, string? keyId = null) => new(false, keyId, null, error);
}
