using PciCloud.Contracts.Audit;

namespace PciCloud.Grains.Audit;

/// <summary>A sealed stretch of a tenant's audit trail, persisted once.</summary>
public sealed class AuditSegmentGrain(
    [PersistentState("audit-segment", GrainStorage.Name)] IPersistentState<AuditSegmentState> state) : Grain, IAuditSegmentGrain
{
    public async Task SealAsync(IReadOnlyList<AuditEvent> events)
    {
        state.State.Events = [.. events];
        await state.WriteStateAsync();
    }

    public Task<IReadOnlyList<AuditEvent>> GetEventsAsync() => Task.FromResult<IReadOnlyList<AuditEvent>>(state.State.Events);
}
