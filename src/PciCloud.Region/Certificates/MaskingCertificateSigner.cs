using PciCloud.Grains.Certificates;
using PciCloud.Media.Certificates;

namespace PciCloud.Region.Certificates;

/// <summary>Signs masking certificates in process with the region's current key (ES256, key id in the header).</summary>
public sealed class MaskingCertificateSigner(ISigningKeyRing keys, string region) : IMaskingCertificateSigner
{
    public string Region => region;

    public async Task<(string Jws, string KeyId)> SignAsync(ReadOnlyMemory<byte> payloadJson, CancellationToken cancellationToken)
    {
        var key = await keys.CurrentAsync(cancellationToken);
        return (Es256Jws.Sign(payloadJson.Span, key.KeyId, key.Key), key.KeyId);
    }
}
