using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;
using PciCloud.Contracts.Idempotency;

namespace PciCloud.Grains.Idempotency;

/// <summary>
/// One Idempotency-Key: kept 24 h from first use. A request that started but never completed (its
/// host died) holds the key for <see cref="InProgressLease"/>; after that a retry may run again,
/// which is safe because every grain command is itself idempotent (submit charges at most once).
/// An expired record is deleted when the key comes back (and is then new); one that never comes back
/// is deleted by its storage (<see cref="IdempotencyStorage"/>). Time: the TimeProvider keyed
/// <see cref="ClockKey"/> if one is registered (tests move it), else the silo's.
/// </summary>
public sealed class IdempotencyGrain(
    [PersistentState("idempotency", IdempotencyStorage.Name)] IPersistentState<IdempotencyState> state,
    IServiceProvider services) : Grain, IIdempotencyGrain
{
    public const string ClockKey = "pcicloud.idempotency";
    public static readonly TimeSpan Retention = TimeSpan.FromHours(24);
    public static readonly TimeSpan InProgressLease = TimeSpan.FromMinutes(2);

    private readonly TimeProvider _time = services.GetKeyedService<TimeProvider>(ClockKey) ?? services.GetRequiredService<TimeProvider>();

    public async Task<IdempotencyBegin> BeginAsync(string requestHash)
    {
        var now = _time.GetUtcNow();
        if (state.State.RequestHash is not null && now - state.State.FirstSeen >= Retention)
        {
            await ForgetAsync();
        }

        var s = state.State;
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
        await WriteAsync();
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
        await WriteAsync();
    }

    public async Task AbandonAsync(string requestHash)
    {
        if (state.State.RequestHash != requestHash || state.State.Response is not null)
        {
            return;
        }

        await ForgetAsync();
    }

    private async Task ForgetAsync()
    {
        try
        {
            await state.ClearStateAsync();
        }
        catch (InconsistentStateException)
        {
            // The storage expired the record first (its ETag is gone): nothing left to delete.
            await state.ReadStateAsync();
        }

        state.State = new IdempotencyState();
    }

    /// <summary>Writes the record; if the storage expired it while this activation lived, writes it anew.</summary>
    private async Task WriteAsync()
    {
        try
        {
            await state.WriteStateAsync();
        }
        catch (InconsistentStateException)
        {
            var current = state.State;
            await state.ReadStateAsync();
            state.State = current;
            await state.WriteStateAsync();
        }
    }
}
