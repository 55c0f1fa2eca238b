namespace PciCloud.Region.Hosting;

/// <summary>A tenant the region creates at start (local stack), with a fixed, documented secret key.</summary>
public sealed class SeedTenant
{
    public string Id { get; set; } = "";

    public string Name { get; set; } = "";

    public string SecretKey { get; set; } = "";

    public string Gateway { get; set; } = "sandbox";

    public List<string> MediaDestinations { get; set; } = [];
}
