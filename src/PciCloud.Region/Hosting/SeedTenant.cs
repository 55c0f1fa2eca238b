namespace PciCloud.Region.Hosting;

/// <summary>A tenant the region creates at start (local stack), with a fixed, documented secret key.</summary>
public sealed class SeedTenant
{
    public string Id { get; set; } = "";

    public string Name { get; set; } = "";

    public string SecretKey { get; set; } = "";

    public string Gateway { get; set; } = "sandbox";

    public List<string> MediaDestinations { get; set; } = [];

    /// <summary>
    /// Whether the seeded tenant's RTP calls must name <c>expectFrom</c>. Off for seeds (the local stack's
    /// demo tenants and test fixtures register calls as before, with bounded source learning); a tenant
    /// created through the admin API has it on unless it opts out.
    /// </summary>
    public bool RequireExpectFrom { get; set; }
}
