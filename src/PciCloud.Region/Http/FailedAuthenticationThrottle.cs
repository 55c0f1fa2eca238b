using System.Net;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using PciCloud.Region.Hosting;

namespace PciCloud.Region.Http;

/// <summary>
/// Failed authentications per source address (PCI DSS 8.3.4): each failure spends one token of the address's bucket
/// (Region:FailedAuthBurst, refilled at Region:FailedAuthPerMinute); an address with none left is refused before its
/// credential is even looked at, until the bucket refills. Successful requests spend nothing. Idle buckets are dropped.
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

    /// <summary>True when <paramref name="source"/> has used up its failures; then how long until it may try again.</summary>
    public bool IsBlocked(string source, out TimeSpan retryAfter)
    {
        var available = _limiter.GetStatistics(source)?.CurrentAvailablePermits ?? 1;
        retryAfter = available > 0 ? TimeSpan.Zero : TimeSpan.FromMinutes(1.0 / 10);
        return available <= 0;
    }

    public void RecordFailure(string source)
    {
        using var _ = _limiter.AttemptAcquire(source);
    }

    public void Dispose() => _limiter.Dispose();
}
