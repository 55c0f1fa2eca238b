namespace PciCloud.Edge.Configuration;

/// <summary>The <c>Edge</c> configuration section.</summary>
public sealed class EdgeOptions
{
    public const string SectionName = "Edge";

    /// <summary>Platform admin key the edge uses to read each region's tenant list.</summary>
    public string PlatformAdminKey { get; set; } = "";

    /// <summary>How often each region's <c>GET /admin/v1/tenants</c> is polled (fractions allowed).</summary>
    public double TenantRefreshSeconds { get; set; } = 5;

    /// <summary>The <c>Retry-After</c> sent with 503 region_unavailable.</summary>
    public int RetryAfterSeconds { get; set; } = 5;

    /// <summary>Seed of the tenant -> region table (tenant id -> region id), used until a region lists the tenant.</summary>
    public Dictionary<string, string> StaticTenants { get; set; } = new(StringComparer.Ordinal);

    public TenantRateLimitOptions RateLimit { get; set; } = new();

    /// <summary>
    /// Region id -> base addresses, read from <c>Edge:Regions</c> by <see cref="RegionAddressParser"/>
    /// (a region's value may be one address, a ';'-separated list or an array).
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyList<Uri>> RegionDestinations { get; set; } =
        new Dictionary<string, IReadOnlyList<Uri>>();
}
