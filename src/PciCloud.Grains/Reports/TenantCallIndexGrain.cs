using PciCloud.Contracts.Reports;

namespace PciCloud.Grains.Reports;

public sealed class TenantCallIndexGrain(
    [PersistentState("call-index", GrainStorage.Name)] IPersistentState<TenantCallIndexState> state)
    : Grain, ITenantCallIndexGrain
{
    public async Task AddAsync(CallIndexEntry entry)
    {
        if (state.State.Entries.Any(e => e.CallId == entry.CallId))
        {
            return;
        }

        state.State.Entries.Add(entry);
        await state.WriteStateAsync();
    }

    public Task<CallIndexPage> PageAsync(DateTimeOffset? from, DateTimeOffset? to, int position, int limit)
    {
        var entries = state.State.Entries;
        var page = new List<CallIndexEntry>();
        var i = Math.Max(0, position);
        for (; i < entries.Count && page.Count < limit; i++)
        {
            var e = entries[i];
            if ((from is null || e.StartedAt >= from) && (to is null || e.StartedAt < to))
            {
                page.Add(e);
            }
        }

        var more = entries.Skip(i).Any(e => (from is null || e.StartedAt >= from) && (to is null || e.StartedAt < to));
        return Task.FromResult(new CallIndexPage(page, more ? i : null));
    }
}
