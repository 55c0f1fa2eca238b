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
            Set("Region:LocalStack", "true"),
            Set("Region:PublicBaseUrl", o.RegionUrl(region).ToString().TrimEnd('/')),
            Set("Orleans:ClusterId", "pcicloud-" + region),
            Set("Orleans:ServiceId", "pcicloud-" + region),
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
            Set("Worker:Region", region),
            Set("Worker:PublicHost", StackOptions.Loopback),
            Set("Worker:PublicBaseUrl", o.WorkerUrl(region).ToString().TrimEnd('/')),
            Set("Worker:RtpPortStart", o.RtpPortStarts[region]),
            Set("Worker:RtpPortCount", o.RtpPortCount),
            Set("Orleans:ClusterId", "pcicloud-" + region),
            Set("Orleans:ServiceId", "pcicloud-" + region),
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
        args.Add(Set("Edge:AdminKey", o.AdminKey));
        return args;
    }

    private static List<string> Common(Uri url) =>
    [
        "--urls", url.ToString().TrimEnd('/'),
        "--environment", "Development",
        // Readable output: the services' own messages, and only warnings from the frameworks.
        Set("Logging:LogLevel:Default", "Information"),
        Set("Logging:LogLevel:Microsoft", "Warning"),
        Set("Logging:LogLevel:Orleans", "Warning"),
        Set("Logging:LogLevel:System.Net.Http", "Warning"),
        Set("Logging:LogLevel:Yarp", "Warning"),
    ];

    private static void AddRedis(StackOptions o, string region, List<string> args)
    {
        if (o.Redis is not null)
        {
            // One Redis, one logical database per region: the regions share nothing.
            var db = Array.IndexOf(StackOptions.RegionNames.ToArray(), region);
            args.Add(Set("Redis:ConnectionString", $"{o.Redis},defaultDatabase={db}"));
        }
    }

    private static string Set(string key, object value) =>
        $"--{key}={Convert.ToString(value, CultureInfo.InvariantCulture)}";
}
