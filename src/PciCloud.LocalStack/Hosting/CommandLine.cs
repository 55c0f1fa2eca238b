using System.Globalization;
using PciCloud.LocalStack.Demo;

namespace PciCloud.LocalStack.Hosting;

/// <summary>What the user asked for on the command line.</summary>
public sealed record CommandLine(string Command, StackOptions Stack, DemoOptions Demo)
{
    /// <summary>The environment variable the smoke command reads the tenant's secret key from (never an argument: process lists and shell history keep those).</summary>
    public const string ApiKeyVariable = "PCICLOUD_API_KEY";

    public const string Usage = """
        usage: dotnet run --project src/PciCloud.LocalStack -- [demo|smoke] [options]

          (no command)          start the local stack and keep it running until Ctrl+C
          demo                  start it, take one demo payment over RTP, print what happened, and keep
                                it running (the printed Agent Assist link stays live) until Ctrl+C
          smoke                 take the same payment against a running deployment (no local stack):
                                --base-url URL, the tenant's secret key in $PCICLOUD_API_KEY

        stack options:
          --port-offset N       add N to every port below (run a second stack beside the first)
          --edge-port P         edge (default 8080)
          --us-port P --uk-port P --au-port P      region APIs (defaults 8081, 8082, 8083)
          --redis CONNECTION    keep state in a running Redis (e.g. 127.0.0.1:6379) instead of memory
        smoke options:
          --base-url URL        the edge or region base URL, e.g. https://uk.api.example.com
          --agent-host IP       where the worker sends the agent's masked audio (default 127.0.0.1;
                                for a deployed region this machine's public IP, UDP reachable)
        demo and smoke options:
          --fast                stream the call faster than real time
          --card NUMBER         the card the customer keys (default 4242424242424242;
                                4000000000009995 is declined: insufficient funds)
          --bank                a UK Direct Debit instead of a card: the customer keys sort code
                                089999 and account number 66374958 (the sandbox approves them)
          --output DIR          where original.wav and agent.wav go (default demo-output)
          --exit                demo: stop the stack as soon as the demo ends (scripts, CI)
        """;

    /// <summary>Parses the arguments; throws <see cref="FormatException"/> with a clear message.</summary>
    public static CommandLine Parse(IReadOnlyList<string> args)
    {
        var command = "serve";
        var stack = new StackOptions();
        var demo = new DemoOptions();
        Uri? baseUrl = null;
        int offset = 0;
        var ports = new Dictionary<string, int>();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            string Value() => i + 1 < args.Count ? args[++i] : throw new FormatException($"{arg} needs a value.");
            switch (arg)
            {
                case "demo" or "serve" or "smoke" when i == 0: command = arg; break;
                case "--base-url": baseUrl = AbsoluteUrl(arg, Value()); break;
                case "--agent-host": demo = demo with { AgentHost = Address(arg, Value()) }; break;
                case "-h" or "--help" or "help": command = "help"; break;
                case "--port-offset": offset = Number(arg, Value(), 0, 20000); break;
                case "--edge-port": stack = stack with { EdgePort = Port(arg, Value()) }; break;
                case "--us-port" or "--uk-port" or "--au-port": ports[arg[2..4]] = Port(arg, Value()); break;
                case "--redis": stack = stack with { Redis = Value() }; break;
                case "--fast": demo = demo with { Fast = true }; break;
                case "--bank": demo = demo with { Bank = true }; break;
                case "--card": demo = demo with { CardNumber = Digits(arg, Value(), 12, 19) }; break;
                case "--output": demo = demo with { OutputDirectory = Value() }; break;
                case "--exit": demo = demo with { ExitAfter = true }; break;
                default: throw new FormatException($"Unknown argument '{arg}'.");
            }
        }
        if (ports.Count > 0)
        {
            var regionPorts = new Dictionary<string, int>(stack.RegionPorts.ToDictionary());
            foreach (var (region, port) in ports)
            {
                regionPorts[region] = port;
            }
            stack = stack with { RegionPorts = regionPorts };
        }
        if (command == "smoke" && baseUrl is null)
        {
            throw new FormatException("smoke needs --base-url.");
        }
        return new CommandLine(command, offset == 0 ? stack : stack.WithOffset(offset), demo) { BaseUrl = baseUrl };
    }

    /// <summary>The deployment the smoke command calls (null for the other commands).</summary>
    public Uri? BaseUrl { get; init; }

    private static Uri AbsoluteUrl(string name, string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http" && uri.Query.Length == 0
            ? uri
            : throw new FormatException($"{name} must be an absolute http(s) URL without a query.");

    private static string Address(string name, string text) =>
        System.Net.IPAddress.TryParse(text, out var ip) && ip.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork
            ? ip.ToString()
            : throw new FormatException($"{name} must be an IPv4 address.");

    private static int Port(string name, string text) => Number(name, text, 1, 65535);

    private static int Number(string name, string text, int min, int max) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max
            ? n
            : throw new FormatException($"{name} must be a number from {min} to {max}.");

    private static string Digits(string name, string text, int min, int max) =>
        text.Length >= min && text.Length <= max && text.All(char.IsAsciiDigit)
            ? text
            : throw new FormatException($"{name} must be {min} to {max} digits.");
}
