namespace PciCloud.Contracts.Media;

/// <summary>A worker's heartbeat payload: how many streams it carries.</summary>
[GenerateSerializer, Immutable, Alias("pcicloud.media-worker-load.v1")]
public sealed record MediaWorkerLoad([property: Id(0)] int ActiveStreams)
{
    /// <summary>The worker is stopping: it carries its calls to their end but takes no new ones.</summary>
    [Id(1)] public bool Draining { get; init; }
}
