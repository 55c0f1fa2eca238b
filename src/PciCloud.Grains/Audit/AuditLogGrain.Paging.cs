using PciCloud.Contracts.Audit;

namespace PciCloud.Grains.Audit;

/// <summary>Pages of the trail: a page reads the segments it spans and no others, whatever the trail's length.</summary>
public sealed partial class AuditLogGrain
{
    public async Task<AuditEventPage> PageAsync(DateTimeOffset? from, DateTimeOffset? to, AuditPosition start, int limit)
    {
        bool InRange(AuditEvent e) => (from is null || At(e) >= from) && (to is null || At(e) < to);
        var persisted = state.State;
        var page = new List<AuditEvent>();
        for (var number = Math.Max(0, start.Segment); number <= persisted.Sealed.Count; number++)
        {
            var events = await SegmentEventsAsync(persisted, number, from, to);
            for (var index = number == start.Segment ? Math.Max(0, start.Index) : 0; index < events.Count; index++)
            {
                if (!InRange(events[index]))
                {
                    continue;
                }

                if (page.Count == limit)
                {
                    // One event past the page is in range: the next page starts there.
                    return new AuditEventPage(page, new AuditPosition(number, index));
                }

                page.Add(events[index]);
            }
        }

        return new AuditEventPage(page, null);
    }

    /// <summary>The events of segment <paramref name="number"/> (the open one when it equals the sealed count); none if its span is out of range.</summary>
    private async Task<IReadOnlyList<AuditEvent>> SegmentEventsAsync(AuditLogState persisted, int number, DateTimeOffset? from, DateTimeOffset? to)
    {
        if (number == persisted.Sealed.Count)
        {
            return persisted.Events;
        }

        var span = persisted.Sealed[number];
        if ((from is not null && span.LastAt < from) || (to is not null && span.FirstAt >= to))
        {
            return [];
        }

        return await GrainFactory.GetGrain<IAuditSegmentGrain>(SegmentKey(number)).GetEventsAsync();
    }
}
