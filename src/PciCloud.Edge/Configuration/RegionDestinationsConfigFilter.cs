using Microsoft.Extensions.Options;
using Yarp.ReverseProxy.Configuration;

namespace PciCloud.Edge.Configuration;

/// <summary>
/// Fills each region cluster of the ReverseProxy section (cluster id = region id) with the destinations of
/// <c>Edge:Regions:&lt;region&gt;</c>, so one setting names a region's addresses for both proxying and polling.
/// Destinations written in the ReverseProxy section itself are kept as they are.
/// </summary>
internal sealed class RegionDestinationsConfigFilter(IOptionsMonitor<EdgeOptions> options) : IProxyConfigFilter
{
    public ValueTask<ClusterConfig> ConfigureClusterAsync(ClusterConfig cluster, CancellationToken cancel)
    {
        if (cluster.Destinations is { Count: > 0 }
            || !options.CurrentValue.RegionDestinations.TryGetValue(cluster.ClusterId, out var addresses))
        {
            return ValueTask.FromResult(cluster);
        }
        var destinations = addresses
            .Select((address, i) => (Id: $"{cluster.ClusterId}-{i}", Config: new DestinationConfig { Address = address.ToString() }))
            .ToDictionary(d => d.Id, d => d.Config, StringComparer.OrdinalIgnoreCase);
        return ValueTask.FromResult(cluster with { Destinations = destinations });
    }

    public ValueTask<RouteConfig> ConfigureRouteAsync(RouteConfig route, ClusterConfig? cluster, CancellationToken cancel) =>
        ValueTask.FromResult(route);
}
