using PciCloud.Contracts.Media;
using PciCloud.MaskingWorker.Directory;

namespace PciCloud.MaskingWorker.Region;

/// <summary>The worker's directory over Orleans: the region's <see cref="IMediaWorkerDirectoryGrain"/>.</summary>
public sealed class OrleansWorkerDirectory(IClusterClient client) : IWorkerDirectory
{
    private IMediaWorkerDirectoryGrain Grain => client.GetGrain<IMediaWorkerDirectoryGrain>(IMediaWorkerDirectoryGrain.Key);

    public Task RegisterAsync(WorkerAnnouncement a, CancellationToken cancellationToken) =>
        Grain.RegisterAsync(new MediaWorkerRegistration(a.WorkerId, a.RtpHost, a.RtpPortMin, a.RtpPortMax, a.WebSocketBaseUrl, a.Capacity))
            .WaitAsync(cancellationToken);

    public Task<bool> HeartbeatAsync(string workerId, int activeStreams, CancellationToken cancellationToken) =>
        Grain.HeartbeatAsync(workerId, new MediaWorkerLoad(activeStreams)).WaitAsync(cancellationToken);

    public async Task<IReadOnlyCollection<string>> GetAssignedRtpCallsAsync(string workerId, CancellationToken cancellationToken) =>
        await Grain.GetRtpCallsAsync(workerId).WaitAsync(cancellationToken).ConfigureAwait(false);

    public Task UnregisterAsync(string workerId, CancellationToken cancellationToken) =>
        Grain.UnregisterAsync(workerId).WaitAsync(cancellationToken);
}
