namespace PciCloud.Grains.Calls;

[GenerateSerializer, Alias("pcicloud.call-external-id-index-state.v1")]
public sealed class CallExternalIdIndexState
{
    [Id(0)] public List<string> CallIds { get; set; } = [];
}
