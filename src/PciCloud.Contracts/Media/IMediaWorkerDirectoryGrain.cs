namespace PciCloud.Contracts.Media;

/// <summary>
/// The region's masking workers (one instance, key <see cref="Key"/>). Workers register, then
/// heartbeat; one that misses heartbeats for the directory's timeout is dropped and gets no new
/// calls. The region reserves a worker (and an RTP port) before it answers POST /v1/calls.
/// </summary>
[Alias("pcicloud.media-worker-directory-grain.v1")]
public interface IMediaWorkerDirectoryGrain : IGrainWithStringKey
{
    const string Key = "region";

    [Alias("register")] Task RegisterAsync(MediaWorkerRegistration registration);

    /// <summary>False when the directory does not know the worker (it must register again).</summary>
    [Alias("heartbeat")] Task<bool> HeartbeatAsync(string workerId, MediaWorkerLoad load);

    /// <summary>
    /// A heartbeat that also gives the directory the worker's observer (kept in memory only, so it is
    /// sent every time) and says whether the worker drains: a draining worker gets no new calls.
    /// </summary>
    [Alias("beat")] Task<bool> BeatAsync(string workerId, MediaWorkerLoad load, IMediaWorkerObserver? observer);

    /// <summary>The worker's observer, if it gave one since this directory was activated.</summary>
    [Alias("observer")] Task<IMediaWorkerObserver?> GetObserverAsync(string workerId);

    /// <summary>
    /// Like <see cref="ReserveMedia"/>, within the tenant's limit of concurrent media reservations.
    /// </summary>
    [Alias("reserve-for-tenant")] Task<MediaReservationOutcome> ReserveMediaForTenant(string callId, string transport, string tenantId, int maxConcurrent);

    [Alias("unregister")] Task UnregisterAsync(string workerId);

    /// <summary>A live worker with room and, for "rtp", a free port; null when there is none.</summary>
    [Alias("reserve")] Task<MediaReservation?> ReserveMedia(string callId, string transport);

    /// <summary>
    /// For a SIP call the proxy sent to <paramref name="workerId"/>: two ports on that worker, under the
    /// same liveness and capacity rules as <see cref="ReserveMedia"/>; null when it is unknown, silent or full.
    /// </summary>
    [Alias("reserve-sip")] Task<SipMediaReservation?> ReserveSipMedia(string callId, string workerId);

    [Alias("release")] Task ReleaseMedia(string callId);

    [Alias("list")] Task<IReadOnlyList<MediaWorkerInfo>> ListAsync();

    /// <summary>For a masking worker: the RTP calls reserved on it (it opens their ports); empty for an unknown worker.</summary>
    [Alias("rtp-calls")] Task<IReadOnlyList<string>> GetRtpCallsAsync(string workerId);
}
