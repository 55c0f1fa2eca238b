using System.Net;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using PciCloud.Region.Hosting;

namespace PciCloud.Region.Http;

/// <summary>
/// Failed authentications per source address (PCI DSS 8.3.4): each failure spends one token of the address's bucket
/// (Region:FailedAuthBurst, refilled at Region:FailedAuthPerMinute); an address with none left is refused before its
/// credential is even looked at, until the bucket refills. Successful requests spend nothing. Idle buckets are dropped.
/// Proxies (loopback, private addresses) are never limited: see <see cref="IsBlocked"/>.
/// </summary>
public sealed class FailedAuthenticationThrottle : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter;

    public FailedAuthenticationThrottle(IOptions<RegionOptions> options)
    {
        var o = options.Value;
        var perMinute = Math.Max(1, o.FailedAuthPerMinute);
        _limiter = PartitionedRateLimiter.Create<string, string>(address => RateLimitPartition.GetTokenBucketLimiter(address, _ =>
            new TokenBucketRateLimiterOptions
            {
                TokenLimit = Math.Max(1, o.FailedAuthBurst),
                TokensPerPeriod = 1,
                ReplenishmentPeriod = TimeSpan.FromMinutes(1.0 / perMinute),
                QueueLimit = 0,
                AutoReplenishment = true,
            }));
    }

    public static string SourceOf(HttpContext context) => context.Connection.RemoteIpAddress is { } ip
        ? (ip.IsIPv4MappedToIPv6 ? ip.MapToIPv4() : ip).ToString()
        : "unknown";

    /// <summary>
    /// True when <paramref name="source"/> has used up its failures; then how long until it may try again. Only
    /// public addresses are limited: a loopback or private address is a proxy in front of the region (the edge, the
    /// ingress) whose clients are many, so limiting it would let one attacker lock out every tenant behind it. Its
    /// clients are told apart once Region:TrustedProxies lets X-Forwarded-For name them.
    /// </summary>
    public bool IsBlocked(string source, out TimeSpan retryAfter)
    {
        if (!IsClientAddress(source))
        {
            retryAfter = TimeSpan.Zero;
            return false;
        }

        var available = _limiter.GetStatistics(source)?.CurrentAvailablePermits ?? 1;
        retryAfter = available > 0 ? TimeSpan.Zero : TimeSpan.FromMinutes(1.0 / 10);
        return available <= 0;
    }

    public void RecordFailure(string source)
    {
        if (IsClientAddress(source))
        {
            using var _ = _limiter.AttemptAcquire(source);
        }
    }

    private static bool IsClientAddress(string source)
    {
        if (!IPAddress.TryParse(source, out var ip) || IPAddress.IsLoopback(ip) || ip.IsIPv6LinkLocal || ip.IsIPv6UniqueLocal || ip.IsIPv6SiteLocal)
        {
            return false;
        }

        if (ip.AddressFamily != System.Net.Sockets.AddressFamily.InterNetwork)
        {
            return true;
        }

        var b = ip.GetAddressBytes();
        return !(b[0] == 10 || (b[0] == 172 && b[1] >= 16 && b[1] < 32) || (b[0] == 192 && b[1] == 168) || (b[0] == 169 && b[1] == 254) || (b[0] == 100 && b[1] >= 64 && b[1] < 128));
    }

    public void Dispose() => _limiter.Dispose();
}
