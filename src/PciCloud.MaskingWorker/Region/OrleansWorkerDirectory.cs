using PciCloud.Contracts.Media;
using PciCloud.MaskingWorker.Directory;

namespace PciCloud.MaskingWorker.Region;

/// <summary>
/// The worker's directory over Orleans: the region's <see cref="IMediaWorkerDirectoryGrain"/>. Every
/// heartbeat also hands the directory this worker's observer (<see cref="RtpCallPushReceiver"/>), through
/// which a CallGrain tells the worker of a new RTP call at once.
/// </summary>
public sealed class OrleansWorkerDirectory(IClusterClient client, RtpCallPushReceiver receiver) : IWorkerDirectory
{
    private readonly Lazy<IMediaWorkerObserver> _observer = new(() => client.CreateObjectReference<IMediaWorkerObserver>(receiver));

    private IMediaWorkerDirectoryGrain Grain => client.GetGrain<IMediaWorkerDirectoryGrain>(IMediaWorkerDirectoryGrain.Key);

    public Task RegisterAsync(WorkerAnnouncement a, CancellationToken cancellationToken) =>
        Grain.RegisterAsync(new MediaWorkerRegistration(a.WorkerId, a.RtpHost, a.RtpPortMin, a.RtpPortMax, a.WebSocketBaseUrl, a.Capacity))
            .WaitAsync(cancellationToken);

    public Task<bool> HeartbeatAsync(string workerId, int activeStreams, bool draining, CancellationToken cancellationToken) =>
        Grain.BeatAsync(workerId, new MediaWorkerLoad(activeStreams) { Draining = draining }, _observer.Value).WaitAsync(cancellationToken);

    public async Task<IReadOnlyCollection<string>> GetAssignedRtpCallsAsync(string workerId, CancellationToken cancellationToken) =>
        await Grain.GetRtpCallsAsync(workerId).WaitAsync(cancellationToken).ConfigureAwait(false);

    public Task UnregisterAsync(string workerId, CancellationToken cancellationToken) =>
        Grain.UnregisterAsync(workerId).WaitAsync(cancellationToken);
}
