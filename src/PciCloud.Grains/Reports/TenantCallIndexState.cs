using PciCloud.Contracts.Reports;

namespace PciCloud.Grains.Reports;

[GenerateSerializer, Alias("pcicloud.tenant-call-index-state.v1")]
public sealed class TenantCallIndexState
{
    [Id(0)] public List<CallIndexEntry> Entries { get; set; } = [];
}
