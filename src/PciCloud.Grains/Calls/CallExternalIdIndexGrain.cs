using PciCloud.Contracts.Calls;

namespace PciCloud.Grains.Calls;

/// <summary>The calls of one tenant with one external id (usually one; a reused SIP call-id adds more), oldest first.</summary>
public sealed class CallExternalIdIndexGrain(
    [PersistentState("call-external-id", GrainStorage.Name)] IPersistentState<CallExternalIdIndexState> state)
    : Grain, ICallExternalIdIndexGrain
{
    /// <summary>Bounded so a platform that reuses one external id forever cannot grow a grain without end.</summary>
    public const int MaxCalls = 100;

    public async Task AddAsync(string callId)
    {
        if (state.State.CallIds.Contains(callId))
        {
            return;
        }

        if (state.State.CallIds.Count >= MaxCalls)
        {
            state.State.CallIds.RemoveAt(0);
        }

        state.State.CallIds.Add(callId);
        await state.WriteStateAsync();
    }

    public Task<IReadOnlyList<string>> ListAsync() => Task.FromResult<IReadOnlyList<string>>([.. state.State.CallIds]);
}
