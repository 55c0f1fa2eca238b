namespace PciCloud.Contracts.Reports;

/// <summary>A tenant's calls in start order (key: tenant id), for reports.</summary>
[Alias("pcicloud.tenant-call-index-grain.v1")]
public interface ITenantCallIndexGrain : IGrainWithStringKey
{
    [Alias("add")] Task AddAsync(CallIndexEntry entry);

    /// <summary>Calls started in [from, to), from position <paramref name="position"/> on, at most <paramref name="limit"/>.</summary>
    [Alias("page")] Task<CallIndexPage> PageAsync(DateTimeOffset? from, DateTimeOffset? to, int position, int limit);
}
