using PciCloud.Contracts.Audit;

namespace PciCloud.Grains.Audit;

[GenerateSerializer, Alias("pcicloud.audit-segment-state.v1")]
public sealed class AuditSegmentState
{
    [Id(0)] public List<AuditEvent> Events { get; set; } = [];
}
