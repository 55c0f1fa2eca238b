namespace PciCloud.Contracts.Tenants;

/// <summary>One tenant of this region (key: tenant id).</summary>
[Alias("pcicloud.tenant-grain.v1")]
public interface ITenantGrain : IGrainWithStringKey
{
    [Alias("get")] Task<TenantSettings?> GetAsync();

    [Alias("create")] Task<TenantCreateOutcome> CreateAsync(TenantSettings settings);

    /// <summary>Replaces the settings of an existing tenant (id, region and creation time stay); false when there is none.</summary>
    [Alias("update")] Task<bool> UpdateAsync(TenantSettings settings);

    [Alias("add-key")] Task<bool> AddApiKeyAsync(ApiKeyRecord key);

    [Alias("revoke-key")] Task<bool> RevokeApiKeyAsync(string keyId);

    [Alias("list-keys")] Task<IReadOnlyList<ApiKeyRecord>> ListApiKeysAsync();

    /// <summary>The key id whose secret hashes to <paramref name="secretSha256"/>, or null.</summary>
    [Alias("authenticate")] Task<string?> AuthenticateAsync(string secretSha256);
}
