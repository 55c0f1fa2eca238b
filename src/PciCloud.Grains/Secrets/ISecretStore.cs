namespace PciCloud.Grains.Secrets;

/// <summary>
/// The region's secrets: gateway credentials, webhook signing secrets, link and token signing keys.
/// Names are Key Vault secret names (letters, digits, '-').
/// </summary>
public interface ISecretStore
{
    /// <summary>The current value, or null when there is no such secret.</summary>
    Task<string?> GetAsync(string name, CancellationToken cancellationToken = default);

    /// <summary>Stores a new value (a new version in Key Vault).</summary>
    Task SetAsync(string name, string value, CancellationToken cancellationToken = default);
}
