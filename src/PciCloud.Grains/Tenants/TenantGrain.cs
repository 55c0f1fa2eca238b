using System.Security.Cryptography;
using System.Text;
using PciCloud.Contracts.Tenants;

namespace PciCloud.Grains.Tenants;

public sealed class TenantGrain(
    [PersistentState("tenant", GrainStorage.Name)] IPersistentState<TenantState> state,
    IGrainFactory grains) : Grain, ITenantGrain
{
    public Task<TenantSettings?> GetAsync() => Task.FromResult(state.State.Settings);

    public async Task<TenantCreateOutcome> CreateAsync(TenantSettings settings)
    {
        if (state.State.Settings is not null)
        {
            return TenantCreateOutcome.AlreadyExists;
        }

        state.State.Settings = settings;
        await state.WriteStateAsync();
        await grains.GetGrain<ITenantDirectoryGrain>(ITenantDirectoryGrain.Key).AddAsync(settings.Id);
        return TenantCreateOutcome.Created;
    }

    public async Task<bool> UpdateAsync(TenantSettings settings)
    {
        if (state.State.Settings is not { } current)
        {
            return false;
        }

        state.State.Settings = settings with { Id = current.Id, Region = current.Region, CreatedAt = current.CreatedAt };
        await state.WriteStateAsync();
        return true;
    }

    public async Task<bool> AddApiKeyAsync(ApiKeyRecord key)
    {
        if (state.State.Settings is null || state.State.ApiKeys.Any(k => k.KeyId == key.KeyId))
        {
            return false;
        }

        state.State.ApiKeys.Add(key);
        await state.WriteStateAsync();
        return true;
    }

    public async Task<bool> RevokeApiKeyAsync(string keyId)
    {
        if (state.State.ApiKeys.RemoveAll(k => k.KeyId == keyId) == 0)
        {
            return false;
        }

        await state.WriteStateAsync();
        return true;
    }

    public Task<IReadOnlyList<ApiKeyRecord>> ListApiKeysAsync() =>
        Task.FromResult<IReadOnlyList<ApiKeyRecord>>([.. state.State.ApiKeys]);

    public Task<string?> AuthenticateAsync(string secretSha256)
    {
        if (state.State.Settings is null)
        {
            return Task.FromResult<string?>(null);
        }

        // Compare every key in constant time so the answer's timing says nothing about near misses.
        var presented = Encoding.ASCII.GetBytes(secretSha256);
        string? match = null;
        foreach (var key in state.State.ApiKeys)
        {
            if (CryptographicOperations.FixedTimeEquals(presented, Encoding.ASCII.GetBytes(key.SecretSha256)))
            {
                match = key.KeyId;
            }
        }

        return Task.FromResult(match);
    }
}
