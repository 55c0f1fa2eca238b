using System.Net;
using System.Net.Sockets;

namespace PciCloud.Region.Validation;

/// <summary>
/// A tenant's allowed media destinations: CIDR blocks ("203.0.113.0/24"), single addresses, or
/// "loopback" (127.0.0.0/8 and ::1, the local stack). Masked audio goes only there: the worker must
/// never become an open UDP reflector.
/// </summary>
public static class MediaDestinations
{
    public const string Loopback = "loopback";

    public static bool IsValidEntry(string entry) =>
        entry == Loopback || IPNetwork.TryParse(entry, out _) || IPAddress.TryParse(entry, out _);

    /// <summary>Parses "host:port" (IPv6 as "[addr]:port"); only IP literals (a name could resolve anywhere).</summary>
    public static bool TryParseEndpoint(string value, bool portRequired, out IPEndPoint endpoint)
    {
        endpoint = new IPEndPoint(IPAddress.None, 0);
        if (IPEndPoint.TryParse(value, out var parsed) && (parsed.Port != 0 || !portRequired))
        {
            // IPEndPoint.TryParse accepts a bare IPv6 address with a colon-like tail; require brackets for v6 with a port.
            if (parsed.AddressFamily == AddressFamily.InterNetworkV6 && portRequired && !value.StartsWith('['))
            {
                return false;
            }

            endpoint = parsed;
            return true;
        }

        return false;
    }

    public static bool Allows(IReadOnlyList<string> allowed, IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        foreach (var entry in allowed)
        {
            if (entry == Loopback ? IPAddress.IsLoopback(address)
                : IPNetwork.TryParse(entry, out var network) ? network.Contains(address)
                : IPAddress.TryParse(entry, out var single) && single.Equals(address))
            {
                return true;
            }
        }

        return false;
    }
}
