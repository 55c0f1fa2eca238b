namespace PciCloud.Contracts.Tenants;

[GenerateSerializer, Alias("pcicloud.tenant-create-outcome.v1")]
public enum TenantCreateOutcome
{
    Created,
    AlreadyExists,
}
