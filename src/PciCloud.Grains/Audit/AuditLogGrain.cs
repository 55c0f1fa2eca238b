using System.Globalization;
using Orleans.Concurrency;
using PciCloud.Contracts.Audit;

namespace PciCloud.Grains.Audit;

/// <summary>
/// A tenant's append-only audit trail. Every append is persisted before it is acknowledged. Appends that
/// arrive while a write is in flight are committed together by the next write (group commit): every API
/// request of a tenant appends here, so one write per append would cap the tenant's request rate. The
/// newest events live in this grain's state; once there are <see cref="SegmentSize"/> of them they are
/// sealed into an <see cref="IAuditSegmentGrain"/>, so the cost of a write does not grow with the trail.
/// </summary>
[Reentrant]
public sealed partial class AuditLogGrain(
    [PersistentState("audit", GrainStorage.Name)] IPersistentState<AuditLogState> state,
    TimeProvider time) : Grain, IAuditLogGrain
{
    public const int SegmentSize = 256;

    private AuditLogState _working = new();
    private TaskCompletionSource? _nextBatch;
    private bool _writing;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _working = Copy(state.State);
        return Task.CompletedTask;
    }

    public async Task<AuditEvent> AppendAsync(AuditRecord record)
    {
        var previous = _working.LastHash ?? (_working.Events.Count > 0 ? _working.Events[^1].Hash : AuditChain.GenesisHash);
        var at = time.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);
        var unsigned = new AuditEvent(Ids.New("evt"), at, record.Actor, record.Action, record.ObjectId, record.Outcome, previous, "");
        var e = unsigned with { Hash = AuditChain.ComputeHash(unsigned) };
        _working.Events.Add(e);
        _working.LastHash = e.Hash;
        await CommitAsync();
        return e;
    }

    /// <summary>Only what has been written: an append not yet acknowledged is not listed.</summary>
    public async Task<IReadOnlyList<AuditEvent>> ListAsync(DateTimeOffset? from, DateTimeOffset? to)
    {
        bool InRange(DateTimeOffset at) => (from is null || at >= from) && (to is null || at < to);
        var persisted = state.State;
        var events = new List<AuditEvent>();
        for (var number = 0; number < persisted.Sealed.Count; number++)
        {
            var segment = persisted.Sealed[number];
            if ((from is not null && segment.LastAt < from) || (to is not null && segment.FirstAt >= to))
            {
                continue;
            }

            var sealedEvents = await GrainFactory.GetGrain<IAuditSegmentGrain>(SegmentKey(number)).GetEventsAsync();
            events.AddRange(sealedEvents.Where(e => InRange(At(e))));
        }

        events.AddRange(persisted.Events.Where(e => InRange(At(e))));
        return events;
    }

    private Task CommitAsync()
    {
        var batch = _nextBatch ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!_writing)
        {
            _ = WriteBatchesAsync();
        }

        return batch.Task;
    }

    /// <summary>
    /// Writes until no append is waiting. A failed write fails its batch and the one queued behind it
    /// (those events chain onto the failed ones) and returns the trail to what was last written.
    /// </summary>
    private async Task WriteBatchesAsync()
    {
        _writing = true;
        while (_nextBatch is { } batch)
        {
            _nextBatch = null;
            var lastWritten = state.State;
            try
            {
                if (_working.Events.Count >= SegmentSize)
                {
                    await SealOpenEventsAsync();
                }

                state.State = Copy(_working);
                await state.WriteStateAsync();
                batch.SetResult();
            }
            catch (Exception ex)
            {
                state.State = lastWritten;
                _working = Copy(lastWritten);
                batch.SetException(ex);
                _nextBatch?.SetException(ex);
                _nextBatch = null;
            }
        }

        _writing = false;
    }

    /// <summary>The segment is persisted before the head that refers to it; a failed head write re-seals the same number later.</summary>
    private async Task SealOpenEventsAsync()
    {
        List<AuditEvent> sealing = [.. _working.Events];
        var number = _working.Sealed.Count;
        await GrainFactory.GetGrain<IAuditSegmentGrain>(SegmentKey(number)).SealAsync(sealing);
        _working.Sealed.Add(new SealedAuditSegment(At(sealing[0]), At(sealing[^1])));
        _working.Events.RemoveRange(0, sealing.Count);
    }

    private static AuditLogState Copy(AuditLogState s) => new() { Events = [.. s.Events], Sealed = [.. s.Sealed], LastHash = s.LastHash };

    private string SegmentKey(int number) => string.Create(CultureInfo.InvariantCulture, $"{this.GetPrimaryKeyString()}/{number}");

    private static DateTimeOffset At(AuditEvent e) => DateTimeOffset.Parse(e.At, CultureInfo.InvariantCulture);
}
