using System.Net;
using Microsoft.Extensions.Options;
using PciCloud.MaskingWorker.Hosting;

namespace PciCloud.MaskingWorker.Calls;

/// <summary>
/// The worker's own check of a destination, on top of the region's per-tenant approval: when
/// <see cref="MaskingWorkerOptions.AllowedDestinationNetworks"/> lists networks, only those are sent to.
/// </summary>
public sealed class DestinationPolicy
{
    private readonly IPNetwork[] _networks;

    public DestinationPolicy(IOptions<MaskingWorkerOptions> options)
    {
        _networks = options.Value.AllowedDestinationNetworks.Select(IPNetwork.Parse).ToArray();
    }

    public bool IsAllowed(IPEndPoint? destination) =>
        destination is null || _networks.Length == 0 || _networks.Any(n => n.Contains(destination.Address));
}
