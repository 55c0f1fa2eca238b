using Microsoft.Extensions.Options;
using PciCloud.Edge.Tenancy;

namespace PciCloud.Edge.Configuration;

/// <summary>Fails start-up with a configuration that could misroute a tenant.</summary>
internal sealed class EdgeOptionsValidator : IValidateOptions<EdgeOptions>
{
    public ValidateOptionsResult Validate(string? name, EdgeOptions options)
    {
        var failures = new List<string>();
        if (options.RegionDestinations.Count == 0)
        {
            failures.Add("Edge:Regions must name at least one region with its base address(es).");
        }
        foreach (var (region, addresses) in options.RegionDestinations)
        {
            if (!TenantId.IsValid(region))
            {
                failures.Add($"Edge:Regions: '{region}' is not a valid region id (lower-case letters, digits, '-').");
            }
            if (addresses.Count == 0)
            {
                failures.Add($"Edge:Regions:{region} has no address.");
            }
        }
        foreach (var (tenant, region) in options.StaticTenants)
        {
            if (!TenantId.IsValid(tenant) || !options.RegionDestinations.ContainsKey(region))
            {
                failures.Add($"Edge:StaticTenants: '{tenant}' -> '{region}' needs a valid tenant id and a configured region.");
            }
        }
        if (!(options.TenantRefreshSeconds > 0))
        {
            failures.Add("Edge:TenantRefreshSeconds must be positive.");
        }
        if (options.RetryAfterSeconds < 1)
        {
            failures.Add("Edge:RetryAfterSeconds must be at least 1.");
        }
        if (!(options.RateLimit.PermitsPerSecond > 0) || options.RateLimit.Burst < 1)
        {
            failures.Add("Edge:RateLimit needs PermitsPerSecond > 0 and Burst >= 1.");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
