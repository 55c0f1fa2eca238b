using System.Net;
using System.Net.Sockets;

namespace PciCloud.LocalStack.Hosting;

/// <summary>
/// Checks, before anything starts, that every port the stack needs is free, so a second start
/// fails at once with a clear message instead of half-starting.
/// </summary>
internal static class PortAvailability
{
    public static IReadOnlyList<string> BusyPorts(StackOptions options)
    {
        var busy = new List<string>();
        foreach (var (purpose, port) in options.TcpPorts())
        {
            if (!TcpFree(port))
            {
                busy.Add($"{port}/tcp ({purpose})");
            }
        }
        foreach (var region in StackOptions.RegionNames)
        {
            var first = options.RtpPortStarts[region];
            if (!UdpFree(first))
            {
                busy.Add($"{first}/udp ({region} RTP range {first}-{first + options.RtpPortCount - 1})");
            }

            if (!UdpFree(options.NgPorts[region]))
            {
                busy.Add($"{options.NgPorts[region]}/udp ({region} worker's ng control port)");
            }
        }
        return busy;
    }

    public static string BusyMessage(IReadOnlyList<string> busy) =>
        "PciCloud local stack: cannot start, these ports on 127.0.0.1 are already in use:" + Environment.NewLine +
        string.Join(Environment.NewLine, busy.Select(b => "  " + b)) + Environment.NewLine +
        "Is another local stack running? Stop it with Ctrl+C in its terminal, or start this one " +
        "on other ports with --port-offset 1000.";

    private static bool TcpFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            listener.Stop();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static bool UdpFree(int port)
    {
        try
        {
            using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            socket.Bind(new IPEndPoint(IPAddress.Loopback, port));
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
