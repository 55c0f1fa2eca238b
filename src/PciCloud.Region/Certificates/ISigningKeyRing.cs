namespace PciCloud.Region.Certificates;

/// <summary>
/// The region's masking-certificate keys: the one that signs now (with its private key) and every key
/// still published (public only), so certificates signed before a rotation stay checkable.
/// </summary>
public interface ISigningKeyRing
{
    Task<RegionSigningKey> CurrentAsync(CancellationToken cancellationToken);

    /// <summary>The current key and the retired ones still published, public parts only.</summary>
    Task<IReadOnlyList<RegionSigningKey>> PublishedAsync(CancellationToken cancellationToken);
}
