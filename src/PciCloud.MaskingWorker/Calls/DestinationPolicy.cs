using System.Net;
using Microsoft.Extensions.Options;
using PciCloud.MaskingWorker.Hosting;

namespace PciCloud.MaskingWorker.Calls;

/// <summary>
/// The worker's own check of a destination, on top of the region's per-tenant approval: only the
/// networks in <see cref="MaskingWorkerOptions.AllowedDestinationNetworks"/> are sent to. Closed when the
/// list is empty: a worker nobody configured sends nowhere rather than anywhere (no open reflector).
/// </summary>
public sealed class DestinationPolicy
{
    private readonly IPNetwork[] _networks;

    public DestinationPolicy(IOptions<MaskingWorkerOptions> options)
    {
        _networks = options.Value.AllowedDestinationNetworks.Select(IPNetwork.Parse).ToArray();
    }

    /// <summary>False when no network is configured: every call with a destination is refused.</summary>
    public bool IsOpen => _networks.Length > 0;

    public bool IsAllowed(IPEndPoint? destination) =>
        destination is null || _networks.Any(n => n.Contains(destination.Address));
}
