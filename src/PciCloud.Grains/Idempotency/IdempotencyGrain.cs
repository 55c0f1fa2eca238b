using PciCloud.Contracts.Idempotency;

namespace PciCloud.Grains.Idempotency;

/// <summary>
/// One Idempotency-Key: kept 24 h from first use. A request that started but never completed (its
/// host died) holds the key for <see cref="InProgressLease"/>; after that a retry may run again,
/// which is safe because every grain command is itself idempotent (submit charges at most once).
/// </summary>
public sealed class IdempotencyGrain(
    [PersistentState("idempotency", GrainStorage.Name)] IPersistentState<IdempotencyState> state,
    TimeProvider time) : Grain, IIdempotencyGrain
{
    public static readonly TimeSpan Retention = TimeSpan.FromHours(24);
    public static readonly TimeSpan InProgressLease = TimeSpan.FromMinutes(2);

    public async Task<IdempotencyBegin> BeginAsync(string requestHash)
    {
        var now = time.GetUtcNow();
        var s = state.State;
        if (s.RequestHash is not null && now - s.FirstSeen >= Retention)
        {
            s.RequestHash = null;
            s.Response = null;
            s.StartedAt = null;
        }

        if (s.RequestHash is not null && s.RequestHash != requestHash)
        {
            return new IdempotencyBegin(IdempotencyStatus.Mismatch, null);
        }

        if (s.Response is not null)
        {
            return new IdempotencyBegin(IdempotencyStatus.Replay, s.Response);
        }

        if (s.StartedAt is { } started && now - started < InProgressLease)
        {
            return new IdempotencyBegin(IdempotencyStatus.InProgress, null);
        }

        if (s.RequestHash is null)
        {
            s.FirstSeen = now;
        }

        s.RequestHash = requestHash;
        s.StartedAt = now;
        await state.WriteStateAsync();
        return new IdempotencyBegin(IdempotencyStatus.Started, null);
    }

    public async Task CompleteAsync(string requestHash, StoredResponse response)
    {
        if (state.State.RequestHash != requestHash)
        {
            return;
        }

        state.State.Response = response;
        state.State.StartedAt = null;
        await state.WriteStateAsync();
    }

    public async Task AbandonAsync(string requestHash)
    {
        if (state.State.RequestHash != requestHash || state.State.Response is not null)
        {
            return;
        }

        await state.ClearStateAsync();
    }
}
