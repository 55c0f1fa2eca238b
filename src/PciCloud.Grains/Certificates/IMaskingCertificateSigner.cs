namespace PciCloud.Grains.Certificates;

/// <summary>
/// Signs masking certificates with the region's current key (Key Vault in production, a local key in
/// the local stack). The host provides it; grains only ask for a signature.
/// </summary>
public interface IMaskingCertificateSigner
{
    /// <summary>The region that signs (the certificate's issuer).</summary>
    string Region { get; }

    /// <summary>A JWS (compact, ES256) over <paramref name="payloadJson"/>, and the id of the key that signed it.</summary>
    Task<(string Jws, string KeyId)> SignAsync(ReadOnlyMemory<byte> payloadJson, CancellationToken cancellationToken);
}
