using PciCloud.Contracts.Tenants;

namespace PciCloud.Grains.Tenants;

[GenerateSerializer, Alias("pcicloud.tenant-state.v1")]
public sealed class TenantState
{
    [Id(0)] public TenantSettings? Settings { get; set; }

    [Id(1)] public List<ApiKeyRecord> ApiKeys { get; set; } = [];
}
