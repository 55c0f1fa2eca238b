namespace PciCloud.Region.Hosting;

/// <summary>
/// The "Region" configuration section.
/// <list type="bullet">
/// <item>Name: us | uk | au (this region; tenants of other regions are refused).</item>
/// <item>PlatformAdminKey: the admin bearer key; no key, no admin API.</item>
/// <item>PublicBaseUrl: base of agentUrl links (the region's public URL).</item>
/// <item>SeedTenants: tenants created at start with a fixed secret key (local stack only), e.g.
///   { "Id": "demo-us", "Name": "Demo US", "SecretKey": "sk_demo-us_local", "MediaDestinations": ["loopback"] }.</item>
/// <item>AllowPrivateWebhooks: accept loopback/private webhook URLs (local stack only).</item>
/// </list>
/// </summary>
public sealed class RegionOptions
{
    public const string Section = "Region";

    public string Name { get; set; } = "us";

    public string? PlatformAdminKey { get; set; }

    public string PublicBaseUrl { get; set; } = "http://127.0.0.1:8081";

    public bool AllowPrivateWebhooks { get; set; }

    public int AgentTokenMinutes { get; set; } = 60;

    /// <summary>How long an agent token still works once its session is final (to read the outcome, or refund when allowed).</summary>
    public double AgentTokenGraceMinutes { get; set; } = 15;

    public long MaxRequestBodyBytes { get; set; } = 64 * 1024;

    public int RateLimitPermitsPerSecond { get; set; } = 100;

    public int RateLimitBurst { get; set; } = 200;

    /// <summary>Event streams (GET .../events) one tenant may hold open on one host at once; past it, 429 too_many_streams.</summary>
    public int MaxOpenStreamsPerTenant { get; set; } = 500;

    /// <summary>Failed authentications a source address may make at once before it must wait (PCI DSS 8.3.4).</summary>
    public int FailedAuthBurst { get; set; } = 20;

    /// <summary>How many more failures per minute a source address earns back.</summary>
    public int FailedAuthPerMinute { get; set; } = 10;

    /// <summary>
    /// Proxies whose X-Forwarded-For names the client (the edge's addresses, as IPs or CIDRs); loopback always.
    /// Without them every request through the edge would share the edge's address, and its failure budget.
    /// </summary>
    public List<string> TrustedProxies { get; set; } = [];

    public List<SeedTenant> SeedTenants { get; set; } = [];
}
