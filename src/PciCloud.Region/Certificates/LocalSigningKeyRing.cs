using System.Security.Cryptography;
using PciCloud.Media.Certificates;

namespace PciCloud.Region.Certificates;

/// <summary>
/// The local stack's keys, in memory: one P-256 key from "MaskingCertificates:LocalKeyPem" (PKCS#8 PEM,
/// so several processes can share it) or a new one. <see cref="Rotate"/> starts signing with a new key
/// and keeps publishing the old ones, as a Key Vault rotation does.
/// </summary>
public sealed class LocalSigningKeyRing : ISigningKeyRing, IDisposable
{
    private readonly Lock _lock = new();
    private readonly List<RegionSigningKey> _keys = [];

    public LocalSigningKeyRing(string? pem = null)
    {
        var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        if (!string.IsNullOrWhiteSpace(pem))
        {
            key.ImportFromPem(pem);
            if (key.KeySize != 256)
            {
                key.Dispose();
                throw new InvalidOperationException("MaskingCertificates:LocalKeyPem must be a P-256 private key.");
            }
        }

        _keys.Add(new RegionSigningKey(EcJsonWebKey.Thumbprint(key), key));
    }

    /// <summary>Signs with a new key from now on; the previous keys stay published.</summary>
    public RegionSigningKey Rotate()
    {
        var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var entry = new RegionSigningKey(EcJsonWebKey.Thumbprint(key), key);
        lock (_lock)
        {
            _keys.Add(entry);
        }

        return entry;
    }

    public Task<RegionSigningKey> CurrentAsync(CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult(_keys[^1]);
        }
    }

    public Task<IReadOnlyList<RegionSigningKey>> PublishedAsync(CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult<IReadOnlyList<RegionSigningKey>>([.. _keys]);
        }
    }

    public void Dispose()
    {
        lock (_lock)
        {
            _keys.ForEach(k => k.Key.Dispose());
            _keys.Clear();
        }
    }
}
