using PciCloud.Contracts.Tenants;

namespace PciCloud.Grains.Tenants;

public sealed class TenantDirectoryGrain(
    [PersistentState("tenant-directory", GrainStorage.Name)] IPersistentState<TenantDirectoryState> state)
    : Grain, ITenantDirectoryGrain
{
    public async Task AddAsync(string tenantId)
    {
        if (state.State.TenantIds.Add(tenantId))
        {
            await state.WriteStateAsync();
        }
    }

    public Task<IReadOnlyList<string>> ListAsync() =>
        Task.FromResult<IReadOnlyList<string>>([.. state.State.TenantIds]);
}
