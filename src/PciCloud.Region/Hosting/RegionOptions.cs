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

    public long MaxRequestBodyBytes { get; set; } = 64 * 1024;

    public int RateLimitPermitsPerSecond { get; set; } = 100;

    public int RateLimitBurst { get; set; } = 200;

    public List<SeedTenant> SeedTenants { get; set; } = [];
}
