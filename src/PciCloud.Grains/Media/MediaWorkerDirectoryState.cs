namespace PciCloud.Grains.Media;

[GenerateSerializer, Alias("pcicloud.media-worker-directory-state.v1")]
public sealed class MediaWorkerDirectoryState
{
    [Id(0)] public Dictionary<string, MediaWorkerEntry> Workers { get; set; } = [];
}
