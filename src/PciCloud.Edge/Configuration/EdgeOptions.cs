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

    /// <summary>A tenant's budget: spent only by requests whose credential the region has verified.</summary>
    public TenantRateLimitOptions RateLimit { get; set; } = new();

    /// <summary>
    /// A client address's budget for requests whose credential is not (yet) known to verify: garbage keys and
    /// tokens spend their sender's budget, never the tenant's they name.
    /// </summary>
    public TenantRateLimitOptions ClientRateLimit { get; set; } = new() { PermitsPerSecond = 10, Burst = 50 };

    /// <summary>How long the edge remembers that a credential verified (it only decides which budget pays; the region checks every request).</summary>
    public double VerifiedCredentialSeconds { get; set; } = 300;

    /// <summary>
    /// Region id -> base addresses, read from <c>Edge:Regions</c> by <see cref="RegionAddressParser"/>
    /// (a region's value may be one address, a ';'-separated list or an array).
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyList<Uri>> RegionDestinations { get; set; } =
        new Dictionary<string, IReadOnlyList<Uri>>();
}
