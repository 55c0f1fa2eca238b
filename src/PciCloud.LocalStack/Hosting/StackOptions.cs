namespace PciCloud.LocalStack.Hosting;

/// <summary>
/// Where every part of the local stack listens. Defaults are fixed and documented in the README;
/// each port can be overridden, and <c>--port-offset N</c> shifts all of them at once (handy to
/// run a second stack, e.g. in tests, beside a developer's own).
/// </summary>
public sealed record StackOptions
{
    public const string Loopback = "127.0.0.1";

    public static readonly IReadOnlyList<string> RegionNames = ["us", "uk", "au"];

    public int EdgePort { get; init; } = 8080;

    /// <summary>The regions' API ports: us, uk, au.</summary>
    public IReadOnlyDictionary<string, int> RegionPorts { get; init; } = Ports(8081);

    /// <summary>Orleans silo-to-silo ports, one silo per region.</summary>
    public IReadOnlyDictionary<string, int> SiloPorts { get; init; } = Ports(11111);

    /// <summary>Orleans client gateway ports (the masking workers connect here).</summary>
    public IReadOnlyDictionary<string, int> GatewayPorts { get; init; } = Ports(30001);

    /// <summary>The masking workers' HTTP ports (health and WebSocket media).</summary>
    public IReadOnlyDictionary<string, int> WorkerPorts { get; init; } = Ports(8091);

    /// <summary>First UDP port of each worker's RTP range.</summary>
    public IReadOnlyDictionary<string, int> RtpPortStarts { get; init; } = new Dictionary<string, int>
    {
        ["us"] = 40000, ["uk"] = 41000, ["au"] = 42000,
    };

    public int RtpPortCount { get; init; } = 1000;

    /// <summary>The workers' ng control ports (UDP, rtpengine's protocol for a SIP proxy such as Kamailio): us, uk, au.</summary>
    public IReadOnlyDictionary<string, int> NgPorts { get; init; } = Ports(2223);

    /// <summary>A Redis connection string: state then survives a restart of the stack.</summary>
    public string? Redis { get; init; }

    public string AdminKey { get; init; } = "admin_local";

    public TimeSpan ReadyTimeout { get; init; } = TimeSpan.FromSeconds(180);

    public static string TenantOf(string region) => "demo-" + region;

    public static string KeyOf(string region) => "sk_demo-" + region + "_local";

    public Uri EdgeUrl => new($"http://{Loopback}:{EdgePort}");

    public Uri RegionUrl(string region) => new($"http://{Loopback}:{RegionPorts[region]}");

    public Uri WorkerUrl(string region) => new($"http://{Loopback}:{WorkerPorts[region]}");

    public string NgAddress(string region) => $"{Loopback}:{NgPorts[region]}";

    /// <summary>Every TCP port the stack will listen on, with what it is for.</summary>
    public IEnumerable<(string Purpose, int Port)> TcpPorts()
    {
        yield return ("edge", EdgePort);
        foreach (var region in RegionNames)
        {
            yield return ($"{region} region API", RegionPorts[region]);
            yield return ($"{region} silo", SiloPorts[region]);
            yield return ($"{region} silo gateway", GatewayPorts[region]);
            yield return ($"{region} masking worker", WorkerPorts[region]);
        }
    }

    public StackOptions WithOffset(int offset) => this with
    {
        EdgePort = EdgePort + offset,
        RegionPorts = Shift(RegionPorts, offset),
        SiloPorts = Shift(SiloPorts, offset),
        GatewayPorts = Shift(GatewayPorts, offset),
        WorkerPorts = Shift(WorkerPorts, offset),
        RtpPortStarts = Shift(RtpPortStarts, offset),
        NgPorts = Shift(NgPorts, offset),
    };

    private static Dictionary<string, int> Ports(int first) =>
        RegionNames.Select((name, i) => (name, port: first + i)).ToDictionary(x => x.name, x => x.port);

    private static Dictionary<string, int> Shift(IReadOnlyDictionary<string, int> ports, int offset) =>
        ports.ToDictionary(p => p.Key, p => p.Value + offset);
}
