using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;
using PciCloud.Region.Hosting;

namespace PciCloud.Region.Http;

/// <summary>
/// X-Forwarded-For is believed only from Region:TrustedProxies (and loopback, the local stack's edge), and only its
/// last hop: a client that reaches the region directly cannot choose the address its failures are counted against.
/// </summary>
internal static class TrustedProxies
{
    public static void Configure(ForwardedHeadersOptions forwarded, IOptions<RegionOptions> region)
    {
        forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor;
        forwarded.ForwardLimit = 1;
        foreach (var entry in region.Value.TrustedProxies)
        {
            if (System.Net.IPNetwork.TryParse(entry, out var network))
            {
                forwarded.KnownIPNetworks.Add(network);
            }
            else if (IPAddress.TryParse(entry, out var address))
            {
                forwarded.KnownProxies.Add(address);
            }
            else
            {
                throw new InvalidOperationException($"Region:TrustedProxies: '{entry}' is neither an IP address nor a CIDR network.");
            }
        }
    }
}
