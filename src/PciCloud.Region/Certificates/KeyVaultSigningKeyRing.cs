using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Azure.Security.KeyVault.Certificates;
using Azure.Security.KeyVault.Secrets;
using PciCloud.Media.Certificates;

namespace PciCloud.Region.Certificates;

/// <summary>
/// The region's keys as versions of one Key Vault certificate (an EC P-256 certificate; rotating it
/// in the vault makes a new version). The newest enabled version signs: its private key is the secret
/// behind the certificate (its <c>sid</c>: PKCS#12 or PEM), read with the <see cref="SecretClient"/>.
/// Every enabled version is published, so certificates signed before a rotation stay checkable until an
/// operator disables that version. Both are read together and kept for <paramref name="cacheFor"/>, so a
/// key is always published before it signs.
/// </summary>
public sealed class KeyVaultSigningKeyRing(CertificateClient client, SecretClient secrets, string certificateName, TimeProvider time, TimeSpan cacheFor) : ISigningKeyRing
{
    private readonly SemaphoreSlim _refresh = new(1, 1);
    private (RegionSigningKey Current, IReadOnlyList<RegionSigningKey> Published, DateTimeOffset Until)? _cached;

    public async Task<RegionSigningKey> CurrentAsync(CancellationToken cancellationToken) => (await LoadAsync(cancellationToken)).Current;

    public async Task<IReadOnlyList<RegionSigningKey>> PublishedAsync(CancellationToken cancellationToken) => (await LoadAsync(cancellationToken)).Published;

    private async Task<(RegionSigningKey Current, IReadOnlyList<RegionSigningKey> Published, DateTimeOffset Until)> LoadAsync(CancellationToken cancellationToken)
    {
        if (_cached is { } fresh && time.GetUtcNow() < fresh.Until)
        {
            return fresh;
        }

        await _refresh.WaitAsync(cancellationToken);
        try
        {
            if (_cached is { } again && time.GetUtcNow() < again.Until)
            {
                return again;
            }

            var published = new List<(DateTimeOffset Created, string Version, RegionSigningKey Key)>();
            await foreach (var properties in client.GetPropertiesOfCertificateVersionsAsync(certificateName, cancellationToken))
            {
                if (properties.Enabled != true)
                {
                    continue;
                }

                var version = await client.GetCertificateVersionAsync(certificateName, properties.Version, cancellationToken);
                using var certificate = X509CertificateLoader.LoadCertificate(version.Value.Cer);
                var key = certificate.GetECDsaPublicKey() ?? throw new InvalidOperationException($"Key Vault certificate '{certificateName}' is not an EC certificate.");
                published.Add((properties.CreatedOn ?? DateTimeOffset.MinValue, properties.Version, new RegionSigningKey(EcJsonWebKey.Thumbprint(key), key)));
            }

            if (published.Count == 0)
            {
                throw new InvalidOperationException($"Key Vault certificate '{certificateName}' has no enabled version.");
            }

            var newest = published.MaxBy(p => p.Created);
            var signing = await PrivateKeyAsync(newest.Version, cancellationToken);

            var loaded = (new RegionSigningKey(EcJsonWebKey.Thumbprint(signing), signing), (IReadOnlyList<RegionSigningKey>)[.. published.Select(p => p.Key)], time.GetUtcNow() + cacheFor);
            _cached = loaded;
            return loaded;
        }
        finally
        {
            _refresh.Release();
        }
    }

    private async Task<ECDsa> PrivateKeyAsync(string version, CancellationToken cancellationToken)
    {
        var certificate = (await client.GetCertificateVersionAsync(certificateName, version, cancellationToken)).Value;
        var secretId = new KeyVaultSecretIdentifier(certificate.SecretId);
        var secret = (await secrets.GetSecretAsync(secretId.Name, secretId.Version, cancellationToken)).Value;
        using var withKey = secret.Properties.ContentType == "application/x-pem-file"
            ? X509Certificate2.CreateFromPem(secret.Value)
            : X509CertificateLoader.LoadPkcs12(Convert.FromBase64String(secret.Value), null);
        var key = withKey.GetECDsaPrivateKey() ?? throw new InvalidOperationException($"Key Vault certificate '{certificateName}' has no EC private key.");
        if (key.KeySize != 256)
        {
            key.Dispose();
            throw new InvalidOperationException($"Key Vault certificate '{certificateName}' must be EC P-256 (ES256).");
        }

        return key;
    }
}
