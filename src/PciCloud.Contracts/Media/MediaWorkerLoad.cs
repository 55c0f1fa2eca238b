namespace PciCloud.Contracts.Media;

/// <summary>A worker's heartbeat payload: how many streams it carries.</summary>
[GenerateSerializer, Immutable, Alias("pcicloud.media-worker-load.v1")]
public sealed record MediaWorkerLoad([property: Id(0)] int ActiveStreams);
