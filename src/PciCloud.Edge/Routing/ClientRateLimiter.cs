using System.Net;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using PciCloud.Edge.Configuration;

namespace PciCloud.Edge.Routing;

/// <summary>
/// One token bucket per client address, spent by requests whose credential is not yet known to verify. An IPv6
/// client is bucketed by its /64 (one host usually holds the whole prefix). Idle buckets are dropped by the limiter.
/// </summary>
public sealed class ClientRateLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter;

    public ClientRateLimiter(IOptionsMonitor<EdgeOptions> options)
    {
        _limiter = PartitionedRateLimiter.Create<string, string>(address =>
            RateLimitPartition.GetTokenBucketLimiter(address, _ => TenantRateLimiter.BucketFor(options.CurrentValue.ClientRateLimit)));
    }

    public bool TryAcquire(IPAddress? address, out TimeSpan retryAfter)
    {
        using var lease = _limiter.AttemptAcquire(PartitionOf(address));
        if (lease.IsAcquired)
        {
            retryAfter = TimeSpan.Zero;
            return true;
        }
        retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
        return false;
    }

    public void Dispose() => _limiter.Dispose();

    internal static string PartitionOf(IPAddress? address)
    {
        if (address is null)
        {
            return "unknown";
        }
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }
        if (address.AddressFamily != System.Net.Sockets.AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }
        Span<byte> bytes = stackalloc byte[16];
        address.TryWriteBytes(bytes, out _);
        bytes[8..].Clear();
        return new IPAddress(bytes).ToString() + "/64";
    }
}
