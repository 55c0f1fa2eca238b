using Microsoft.Extensions.Configuration;

namespace PciCloud.ServiceDefaults;

/// <summary>
/// Where a region's Orleans cluster is. The region's silos and its masking workers (Orleans clients)
/// read it the same way, from the same keys, so they meet:
/// <list type="bullet">
/// <item><c>Orleans:ServiceId</c> (default <c>pcicloud</c>), <c>Orleans:ClusterId</c> (default <c>pcicloud-{Region:Name}</c>,
///   and <c>Region:Name</c> defaults to <c>us</c>).</item>
/// <item><c>Redis:ConnectionString</c>: the membership table (and, for silos, grain state and reminders);
///   unset, the localhost cluster of one silo that the local stack runs.</item>
/// <item><c>Orleans:SiloPort</c> (11111), <c>Orleans:GatewayPort</c> (30000), <c>Orleans:AdvertisedIP</c> (optional).</item>
/// </list>
/// </summary>
public sealed class RegionClusterOptions
{
    public string ServiceId { get; set; } = "pcicloud";

    public string ClusterId { get; set; } = "pcicloud-us";

    public string? RedisConnectionString { get; set; }

    public int SiloPort { get; set; } = 11111;

    public int GatewayPort { get; set; } = 30000;

    public string? AdvertisedIP { get; set; }

    public bool UsesRedis => !string.IsNullOrWhiteSpace(RedisConnectionString);

    /// <summary>Reads the keys above (the only place that knows them).</summary>
    public static RegionClusterOptions From(IConfiguration configuration)
    {
        var defaults = new RegionClusterOptions();
        var region = configuration["Region:Name"] is { Length: > 0 } name ? name : "us";
        return new RegionClusterOptions
        {
            ServiceId = configuration["Orleans:ServiceId"] ?? defaults.ServiceId,
            ClusterId = configuration["Orleans:ClusterId"] ?? $"pcicloud-{region}",
            RedisConnectionString = configuration["Redis:ConnectionString"],
            SiloPort = configuration.GetValue("Orleans:SiloPort", defaults.SiloPort),
            GatewayPort = configuration.GetValue("Orleans:GatewayPort", defaults.GatewayPort),
            AdvertisedIP = configuration["Orleans:AdvertisedIP"],
        };
    }
}
