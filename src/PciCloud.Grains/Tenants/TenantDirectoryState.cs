namespace PciCloud.Grains.Tenants;

[GenerateSerializer, Alias("pcicloud.tenant-directory-state.v1")]
public sealed class TenantDirectoryState
{
    [Id(0)] public SortedSet<string> TenantIds { get; set; } = new(StringComparer.Ordinal);
}
