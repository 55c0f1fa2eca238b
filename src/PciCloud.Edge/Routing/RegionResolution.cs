namespace PciCloud.Edge.Routing;

/// <summary>Where a request goes, or why it goes nowhere; <see cref="Credential"/> is what the region will verify.</summary>
public readonly record struct RegionResolution(RegionResolutionOutcome Outcome, string Region, string TenantId, string Credential = "")
{
    public static RegionResolution Fail(RegionResolutionOutcome outcome) => new(outcome, "", "");
}

public enum RegionResolutionOutcome
{
    Routed,
    Unauthenticated,
    UnknownTenant,
    InvalidRegionHeader,
}
