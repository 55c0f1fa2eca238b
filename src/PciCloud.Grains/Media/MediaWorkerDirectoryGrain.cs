using PciCloud.Contracts.Media;

namespace PciCloud.Grains.Media;

/// <summary>
/// The region's masking workers and the calls reserved on them. Registrations and reservations are
/// persisted (so a failover does not hand out a port twice); heartbeats are not, and a worker that
/// has not sent one for <see cref="HeartbeatTimeout"/> is dropped with its reservations.
/// </summary>
public sealed class MediaWorkerDirectoryGrain(
    [PersistentState("media-workers", GrainStorage.Name)] IPersistentState<MediaWorkerDirectoryState> state,
    TimeProvider time) : Grain, IMediaWorkerDirectoryGrain
{
    public static readonly TimeSpan HeartbeatTimeout = TimeSpan.FromSeconds(15);

    // Observers are references to live client objects: never persisted, given again with every beat.
    private readonly Dictionary<string, IMediaWorkerObserver> _observers = new(StringComparer.Ordinal);

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // Heartbeats were not persisted: give every known worker a fresh period to show it is alive.
        var now = time.GetUtcNow();
        foreach (var worker in state.State.Workers.Values)
        {
            worker.LastHeartbeat = now;
        }

        return Task.CompletedTask;
    }

    public async Task RegisterAsync(MediaWorkerRegistration registration)
    {
        if (state.State.Workers.TryGetValue(registration.WorkerId, out var existing))
        {
            existing.Registration = registration;
            existing.LastHeartbeat = time.GetUtcNow();
            existing.Draining = false; // a (re)start; a draining worker says so again with its next beat
        }
        else
        {
            state.State.Workers[registration.WorkerId] = new MediaWorkerEntry
            {
                Registration = registration,
                LastHeartbeat = time.GetUtcNow(),
            };
        }

        await state.WriteStateAsync();
    }

    public Task<bool> HeartbeatAsync(string workerId, MediaWorkerLoad load)
    {
        if (!state.State.Workers.TryGetValue(workerId, out var worker))
        {
            return Task.FromResult(false);
        }

        worker.LastHeartbeat = time.GetUtcNow();
        worker.ActiveStreams = load.ActiveStreams;
        return Task.FromResult(true);
    }

    public async Task<bool> BeatAsync(string workerId, MediaWorkerLoad load, IMediaWorkerObserver? observer)
    {
        if (!await HeartbeatAsync(workerId, load))
        {
            return false;
        }

        if (observer is not null)
        {
            _observers[workerId] = observer;
        }

        var worker = state.State.Workers[workerId];
        if (worker.Draining != load.Draining)
        {
            worker.Draining = load.Draining;
            await state.WriteStateAsync();
        }

        return true;
    }

    public Task<IMediaWorkerObserver?> GetObserverAsync(string workerId) =>
        Task.FromResult(_observers.GetValueOrDefault(workerId));

    public async Task UnregisterAsync(string workerId)
    {
        _observers.Remove(workerId);
        if (state.State.Workers.Remove(workerId))
        {
            await state.WriteStateAsync();
        }
    }

    public Task<MediaReservation?> ReserveMedia(string callId, string transport) => ReserveAsync(callId, transport, null);

    public async Task<MediaReservationOutcome> ReserveMediaForTenant(string callId, string transport, string tenantId, int maxConcurrent)
    {
        await DropSilentWorkersAsync();
        var held = state.State.Workers.Values.Sum(w => w.ReservationTenants.Values.Count(t => t == tenantId));
        if (held >= maxConcurrent)
        {
            return new MediaReservationOutcome(null, MediaReservationRefusal.TenantLimit);
        }

        var reservation = await ReserveAsync(callId, transport, tenantId);
        return new MediaReservationOutcome(reservation, reservation is null ? MediaReservationRefusal.NoCapacity : MediaReservationRefusal.None);
    }

    private async Task<MediaReservation?> ReserveAsync(string callId, string transport, string? tenantId)
    {
        await DropSilentWorkersAsync();
        var candidates = state.State.Workers.Values
            .Where(w => !w.Draining && Math.Max(w.Reservations.Count, w.ActiveStreams) < w.Registration.Capacity)
            .OrderBy(w => (double)Math.Max(w.Reservations.Count, w.ActiveStreams) / w.Registration.Capacity);
        foreach (var worker in candidates)
        {
            int? port = null;
            if (transport == "rtp")
            {
                port = MediaPortAllocator.Next(worker);
                if (port is null)
                {
                    continue;
                }
            }

            worker.Reservations[callId] = port;
            if (tenantId is not null)
            {
                worker.ReservationTenants[callId] = tenantId;
            }

            await state.WriteStateAsync();
            var r = worker.Registration;
            return new MediaReservation(r.WorkerId, r.RtpHost, port, r.WebsocketBaseUrl);
        }

        return null;
    }

    public async Task<SipMediaReservation?> ReserveSipMedia(string callId, string workerId)
    {
        await DropSilentWorkersAsync();
        if (!state.State.Workers.TryGetValue(workerId, out var worker))
        {
            return null;
        }

        if (worker.Reservations.TryGetValue(callId, out var held) && held is { } heldPort
            && worker.SipSecondPorts.TryGetValue(callId, out var heldSecond))
        {
            return new SipMediaReservation(Reservation(worker, heldPort), heldSecond);
        }

        if (worker.Draining || Math.Max(worker.Reservations.Count, worker.ActiveStreams) >= worker.Registration.Capacity)
        {
            return null;
        }

        var first = MediaPortAllocator.Next(worker);
        if (first is null)
        {
            return null;
        }

        worker.Reservations[callId] = first;
        var second = MediaPortAllocator.Next(worker);
        if (second is null)
        {
            worker.Reservations.Remove(callId);
            return null;
        }

        worker.SipSecondPorts[callId] = second.Value;
        await state.WriteStateAsync();
        return new SipMediaReservation(Reservation(worker, first.Value), second.Value);
    }

    public async Task ReleaseMedia(string callId)
    {
        var released = false;
        foreach (var worker in state.State.Workers.Values)
        {
            released |= worker.Reservations.Remove(callId);
            worker.ReservationTenants.Remove(callId);
            released |= worker.SipSecondPorts.Remove(callId);
        }

        if (released)
        {
            await state.WriteStateAsync();
        }
    }

    public Task<IReadOnlyList<string>> GetRtpCallsAsync(string workerId) =>
        Task.FromResult<IReadOnlyList<string>>(state.State.Workers.TryGetValue(workerId, out var worker)
            ? [.. worker.Reservations.Where(r => r.Value is not null && !worker.SipSecondPorts.ContainsKey(r.Key)).Select(r => r.Key)]
            : []);

    public async Task<IReadOnlyList<MediaWorkerInfo>> ListAsync()
    {
        await DropSilentWorkersAsync();
        return [.. state.State.Workers.Values.Select(w =>
            new MediaWorkerInfo(w.Registration, w.ActiveStreams, w.Reservations.Count, w.LastHeartbeat) { Draining = w.Draining })];
    }

    private static MediaReservation Reservation(MediaWorkerEntry worker, int port) =>
        new(worker.Registration.WorkerId, worker.Registration.RtpHost, port, worker.Registration.WebsocketBaseUrl);

    private async Task DropSilentWorkersAsync()
    {
        var deadline = time.GetUtcNow() - HeartbeatTimeout;
        var silent = state.State.Workers.Where(w => w.Value.LastHeartbeat < deadline).Select(w => w.Key).ToList();
        foreach (var id in silent)
        {
            state.State.Workers.Remove(id);
            _observers.Remove(id);
        }

        if (silent.Count > 0)
        {
            await state.WriteStateAsync();
        }
    }
}
