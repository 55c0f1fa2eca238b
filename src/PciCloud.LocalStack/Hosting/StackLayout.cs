using System.Globalization;

namespace PciCloud.LocalStack.Hosting;

/// <summary>
/// The command-line configuration each service gets inside the local stack: the same keys an
/// operator would set in its environment or appsettings, pointing everything at loopback.
/// </summary>
internal static class StackLayout
{
    public static IReadOnlyList<string> RegionArgs(StackOptions o, string region)
    {
        var args = Common(o.RegionUrl(region));
        args.AddRange([
            Set("Region:Name", region),
            Set("Region:PlatformAdminKey", o.AdminKey),
            // Agent links go through the edge, like every other tenant-facing URL.
            Set("Region:PublicBaseUrl", o.EdgeUrl.ToString().TrimEnd('/')),
            Set("Region:AllowPrivateWebhooks", "true"),
            Set("Region:SeedTenants:0:Id", StackOptions.TenantOf(region)),
            Set("Region:SeedTenants:0:Name", "Demo " + region.ToUpperInvariant()),
            Set("Region:SeedTenants:0:SecretKey", StackOptions.KeyOf(region)),
            Set("Region:SeedTenants:0:Gateway", "sandbox"),
            Set("Region:SeedTenants:0:MediaDestinations:0", "loopback"),
            Set("Orleans:ClusterId", "pcicloud-" + region),
            Set("Orleans:SiloPort", o.SiloPorts[region]),
            Set("Orleans:GatewayPort", o.GatewayPorts[region]),
        ]);
        AddRedis(o, region, args);
        return args;
    }

    public static IReadOnlyList<string> WorkerArgs(StackOptions o, string region)
    {
        var args = Common(o.WorkerUrl(region));
        args.AddRange([
            Set("MaskingWorker:WorkerId", "local-" + region),
            Set("Orleans:ClusterId", "pcicloud-" + region),
            Set("MaskingWorker:RtpBindAddress", StackOptions.Loopback),
            Set("MaskingWorker:AdvertisedRtpHost", StackOptions.Loopback),
            Set("MaskingWorker:RtpPortStart", o.RtpPortStarts[region]),
            Set("MaskingWorker:RtpPortEnd", o.RtpPortStarts[region] + o.RtpPortCount - 1),
            Set("MaskingWorker:WebSocketBaseUrl", "ws://" + o.WorkerUrl(region).Authority),
            // Ctrl-C on the local stack: a live call keeps flowing a few seconds, not the production hour.
            Set("MaskingWorker:DrainTimeout", "00:00:05"),
            // The worker's own destination check is closed when empty: the demo's agent and recorder are local.
            Set("MaskingWorker:AllowedDestinationNetworks:0", "127.0.0.0/8"),
            Set("MaskingWorker:NgListenAddress", o.NgAddress(region)),
            Set("Orleans:GatewayPort", o.GatewayPorts[region]),
        ]);
        AddRedis(o, region, args);
        return args;
    }

    public static IReadOnlyList<string> EdgeArgs(StackOptions o)
    {
        var args = Common(o.EdgeUrl);
        foreach (var region in StackOptions.RegionNames)
        {
            args.Add(Set($"Edge:Regions:{region}", o.RegionUrl(region).ToString().TrimEnd('/')));
        }
        args.Add(Set("Edge:PlatformAdminKey", o.AdminKey));
        foreach (var region in StackOptions.RegionNames)
        {
            // Routable at once; the edge's poll of each region's tenant list keeps it current.
            args.Add(Set($"Edge:StaticTenants:{StackOptions.TenantOf(region)}", region));
        }
        return args;
    }

    private static List<string> Common(Uri url) =>
    [
        "--urls", url.ToString().TrimEnd('/'),
        // The hosts' appsettings files would collide in one output folder: every setting the
        // stack depends on is given here, and no appsettings file is read.
        "--contentRoot", ContentRoot.Value,
        "--environment", "Development",
        // Readable output: the services' own messages, and only warnings from the frameworks.
        Set("Logging:LogLevel:Default", "Information"),
        Set("Logging:LogLevel:Microsoft", "Warning"),
        Set("Logging:LogLevel:Orleans", "Warning"),
        Set("Logging:LogLevel:System.Net.Http", "Warning"),
        Set("Logging:LogLevel:Yarp", "Warning"),
        Set("Logging:LogLevel:Polly", "Warning"),
    ];

    private static readonly Lazy<string> ContentRoot = new(() =>
        Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "pcicloud-localstack-content")).FullName);

    private static void AddRedis(StackOptions o, string region, List<string> args)
    {
        if (o.Redis is not null)
        {
            // One Redis, one logical database per region: the regions share nothing.
            var db = Array.IndexOf(StackOptions.RegionNames.ToArray(), region);
            var connection = $"{o.Redis},defaultDatabase={db}";
            args.Add(Set("Redis:ConnectionString", connection));
        }
    }

    private static string Set(string key, object value) =>
        $"--{key}={Convert.ToString(value, CultureInfo.InvariantCulture)}";
}
