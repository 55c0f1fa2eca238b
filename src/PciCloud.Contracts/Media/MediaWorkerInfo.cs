namespace PciCloud.Contracts.Media;

/// <summary>A live worker as the directory sees it.</summary>
[GenerateSerializer, Immutable, Alias("pcicloud.media-worker-info.v1")]
public sealed record MediaWorkerInfo(
    [property: Id(0)] MediaWorkerRegistration Registration,
    [property: Id(1)] int ActiveStreams,
    [property: Id(2)] int ReservedPorts,
    [property: Id(3)] DateTimeOffset LastHeartbeat)
{
    [Id(4)] public bool Draining { get; init; }
}
