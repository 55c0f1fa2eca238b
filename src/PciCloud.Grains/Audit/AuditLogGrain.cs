using System.Globalization;
using PciCloud.Contracts.Audit;

namespace PciCloud.Grains.Audit;

/// <summary>
/// A tenant's append-only audit trail. Every append is persisted before it is acknowledged. The newest
/// events live in this grain's state; every <see cref="SegmentSize"/> events they are sealed into an
/// <see cref="IAuditSegmentGrain"/>, so the cost of an append does not grow with the trail.
/// </summary>
public sealed class AuditLogGrain(
    [PersistentState("audit", GrainStorage.Name)] IPersistentState<AuditLogState> state,
    TimeProvider time) : Grain, IAuditLogGrain
{
    public const int SegmentSize = 256;

    public async Task<AuditEvent> AppendAsync(AuditRecord record)
    {
        var s = state.State;
        if (s.Events.Count >= SegmentSize)
        {
            await SealOpenSegmentAsync();
        }

        var previous = s.LastHash ?? (s.Events.Count > 0 ? s.Events[^1].Hash : AuditChain.GenesisHash);
        var at = time.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);
        var unsigned = new AuditEvent(Ids.New("evt"), at, record.Actor, record.Action, record.ObjectId, record.Outcome, previous, "");
        var e = unsigned with { Hash = AuditChain.ComputeHash(unsigned) };
        s.Events.Add(e);
        s.LastHash = e.Hash;
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            s.Events.RemoveAt(s.Events.Count - 1);
            s.LastHash = previous;
            throw;
        }

        return e;
    }

    public async Task<IReadOnlyList<AuditEvent>> ListAsync(DateTimeOffset? from, DateTimeOffset? to)
    {
        bool InRange(DateTimeOffset at) => (from is null || at >= from) && (to is null || at < to);
        var events = new List<AuditEvent>();
        foreach (var segment in state.State.Sealed.Where(g => (from is null || g.LastAt >= from) && (to is null || g.FirstAt < to)))
        {
            var sealedEvents = await GrainFactory.GetGrain<IAuditSegmentGrain>(SegmentKey(segment.Number)).GetEventsAsync();
            events.AddRange(sealedEvents.Where(e => InRange(At(e))));
        }

        events.AddRange(state.State.Events.Where(e => InRange(At(e))));
        return events;
    }

    /// <summary>The segment is persisted first, then the head: a crash in between re-seals the same events.</summary>
    private async Task SealOpenSegmentAsync()
    {
        var s = state.State;
        var number = s.Sealed.Count;
        await GrainFactory.GetGrain<IAuditSegmentGrain>(SegmentKey(number)).SealAsync(s.Events);
        s.Sealed.Add(new SealedAuditSegment(number, At(s.Events[0]), At(s.Events[^1]), s.Events.Count));
        s.LastHash ??= s.Events[^1].Hash;
        s.Events = [];
        await state.WriteStateAsync();
    }

    private string SegmentKey(int number) => string.Create(CultureInfo.InvariantCulture, $"{this.GetPrimaryKeyString()}/{number}");

    private static DateTimeOffset At(AuditEvent e) => DateTimeOffset.Parse(e.At, CultureInfo.InvariantCulture);
}
