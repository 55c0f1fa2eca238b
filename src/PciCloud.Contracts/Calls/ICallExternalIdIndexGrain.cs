namespace PciCloud.Contracts.Calls;

/// <summary>A tenant's calls by their external id (key: <c>{tenantId}/{externalId}</c>), for <c>GET /v1/calls?externalId=</c>.</summary>
[Alias("pcicloud.call-external-id-index-grain.v1")]
public interface ICallExternalIdIndexGrain : IGrainWithStringKey
{
    static string KeyOf(string tenantId, string externalId) => tenantId + "/" + externalId;

    [Alias("add")] Task AddAsync(string callId);

    /// <summary>Oldest first.</summary>
    [Alias("list")] Task<IReadOnlyList<string>> ListAsync();
}
