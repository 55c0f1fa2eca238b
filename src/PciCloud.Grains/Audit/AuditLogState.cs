using PciCloud.Contracts.Audit;

namespace PciCloud.Grains.Audit;

[GenerateSerializer, Alias("pcicloud.audit-log-state.v1")]
public sealed class AuditLogState
{
    [Id(0)] public List<AuditEvent> Events { get; set; } = [];
}
