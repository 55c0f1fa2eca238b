using System.Globalization;
using PciCloud.Contracts.Audit;

namespace PciCloud.Grains.Audit;

/// <summary>A tenant's append-only audit trail. Every append is persisted before it is acknowledged.</summary>
public sealed class AuditLogGrain(
    [PersistentState("audit", GrainStorage.Name)] IPersistentState<AuditLogState> state,
    TimeProvider time) : Grain, IAuditLogGrain
{
    public async Task<AuditEvent> AppendAsync(AuditRecord record)
    {
        var previous = state.State.Events.Count > 0 ? state.State.Events[^1].Hash : AuditChain.GenesisHash;
        var at = time.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);
        var unsigned = new AuditEvent(Ids.New("evt"), at, record.Actor, record.Action, record.ObjectId, record.Outcome, previous, "");
        var e = unsigned with { Hash = AuditChain.ComputeHash(unsigned) };
        state.State.Events.Add(e);
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            state.State.Events.RemoveAt(state.State.Events.Count - 1);
            throw;
        }

        return e;
    }

    public Task<IReadOnlyList<AuditEvent>> ListAsync(DateTimeOffset? from, DateTimeOffset? to)
    {
        IReadOnlyList<AuditEvent> events = [.. state.State.Events.Where(e =>
        {
            var at = DateTimeOffset.Parse(e.At, CultureInfo.InvariantCulture);
            return (from is null || at >= from) && (to is null || at < to);
        })];
        return Task.FromResult(events);
    }
}
