using System.Collections.Concurrent;
using PciCloud.MaskingWorker.Directory;

namespace PciCloud.MaskingWorker.Tests.Support;

/// <summary>An in-memory directory: which RTP calls are assigned to which worker.</summary>
internal sealed class FakeWorkerDirectory : IWorkerDirectory
{
    public ConcurrentDictionary<string, WorkerAnnouncement> Workers { get; } = new();

    public ConcurrentDictionary<string, string> RtpCalls { get; } = new(); // callId -> workerId

    /// <summary>While true the directory cannot be reached, as when the region's silo is still starting.</summary>
    public bool Unreachable { get; set; }

    public Task RegisterAsync(WorkerAnnouncement announcement, CancellationToken cancellationToken)
    {
        if (Unreachable)
        {
            throw new InvalidOperationException("the region's cluster is not reachable");
        }

        Workers[announcement.WorkerId] = announcement;
        return Task.CompletedTask;
    }

    /// <summary>Workers whose last heartbeat said they drain.</summary>
    public ConcurrentDictionary<string, bool> Draining { get; } = new();

    public Task<bool> HeartbeatAsync(string workerId, int activeStreams, bool draining, CancellationToken cancellationToken)
    {
        Draining[workerId] = draining;
        return Task.FromResult(Workers.ContainsKey(workerId));
    }

    public Task<IReadOnlyCollection<string>> GetAssignedRtpCallsAsync(string workerId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyCollection<string>>([.. RtpCalls.Where(c => c.Value == workerId).Select(c => c.Key)]);

    public Task UnregisterAsync(string workerId, CancellationToken cancellationToken)
    {
        Workers.TryRemove(workerId, out _);
        return Task.CompletedTask;
    }
}
