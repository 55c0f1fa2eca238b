namespace PciCloud.Contracts.Tenants;

/// <summary>The list of this region's tenant ids (one instance, key <see cref="Key"/>); the edge reads it.</summary>
[Alias("pcicloud.tenant-directory-grain.v1")]
public interface ITenantDirectoryGrain : IGrainWithStringKey
{
    const string Key = "region";

    [Alias("add")] Task AddAsync(string tenantId);

    [Alias("list")] Task<IReadOnlyList<string>> ListAsync();
}
