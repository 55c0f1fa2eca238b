using System.Net;
using System.Net.Sockets;

namespace PciCloud.Region.Webhooks;

/// <summary>
/// Which webhook destinations are refused outside the local stack: loopback, private (RFC 1918,
/// RFC 4193), link-local, carrier-grade NAT, unspecified and multicast addresses, and local names.
/// Checked on the URL when it is set and again on the resolved address at every connection (DNS can change).
/// </summary>
public static class WebhookAddressRules
{
    public static bool IsNonPublic(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (IPAddress.IsLoopback(address) || address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any))
        {
            return true;
        }

        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            var first = address.GetAddressBytes()[0];
            return address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6Multicast || (first & 0xFE) == 0xFC;
        }

        var b = address.GetAddressBytes();
        return b[0] == 0 || b[0] == 10 || b[0] == 127 || b[0] >= 224
            || (b[0] == 172 && b[1] >= 16 && b[1] <= 31)
            || (b[0] == 192 && b[1] == 168)
            || (b[0] == 169 && b[1] == 254)
            || (b[0] == 100 && b[1] >= 64 && b[1] <= 127);
    }

    /// <summary>True for a host name or literal that names this machine or a private network.</summary>
    public static bool IsNonPublicHost(string host)
    {
        if (IPAddress.TryParse(host.Trim('[', ']'), out var ip))
        {
            return IsNonPublic(ip);
        }

        var name = host.TrimEnd('.').ToLowerInvariant();
        return name == "localhost" || !name.Contains('.')
            || name.EndsWith(".localhost", StringComparison.Ordinal) || name.EndsWith(".local", StringComparison.Ordinal)
            || name.EndsWith(".internal", StringComparison.Ordinal) || name.EndsWith(".lan", StringComparison.Ordinal);
    }
}
