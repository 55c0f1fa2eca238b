namespace PciCloud.Edge.Routing;

/// <summary>Where a request goes, or why it goes nowhere.</summary>
public readonly record struct RegionResolution(RegionResolutionOutcome Outcome, string Region, string TenantId)
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
