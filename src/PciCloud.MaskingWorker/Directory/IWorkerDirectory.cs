namespace PciCloud.MaskingWorker.Directory;

/// <summary>
/// The region's directory of masking workers (the directory grain in production), as this worker
/// uses it. Implementations throw when the region is unreachable.
/// </summary>
public interface IWorkerDirectory
{
    Task RegisterAsync(WorkerAnnouncement announcement, CancellationToken cancellationToken);

    /// <summary>
    /// False when the directory no longer knows this worker (it must register again). A draining worker
    /// gets no new calls.
    /// </summary>
    Task<bool> HeartbeatAsync(string workerId, int activeStreams, bool draining, CancellationToken cancellationToken);

    /// <summary>The RTP calls the region reserved on this worker and that are still active.</summary>
    Task<IReadOnlyCollection<string>> GetAssignedRtpCallsAsync(string workerId, CancellationToken cancellationToken);

    Task UnregisterAsync(string workerId, CancellationToken cancellationToken);
}
