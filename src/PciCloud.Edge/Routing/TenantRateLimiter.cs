using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using PciCloud.Edge.Configuration;

namespace PciCloud.Edge.Routing;

/// <summary>
/// One token bucket per known tenant. Only tenants present in the table reach it, so random ids sent by a
/// client cannot grow the partition set. Settings apply to buckets created after a configuration reload.
/// </summary>
public sealed class TenantRateLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter;

    public TenantRateLimiter(IOptionsMonitor<EdgeOptions> options)
    {
        _limiter = PartitionedRateLimiter.Create<string, string>(tenant =>
            RateLimitPartition.GetTokenBucketLimiter(tenant, _ => BucketFor(options.CurrentValue.RateLimit)));
    }

    /// <summary>True when the tenant may send this request; otherwise how long to wait.</summary>
    public bool TryAcquire(string tenantId, out TimeSpan retryAfter)
    {
        using var lease = _limiter.AttemptAcquire(tenantId);
        if (lease.IsAcquired)
        {
            retryAfter = TimeSpan.Zero;
            return true;
        }
        retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
        return false;
    }

    public void Dispose() => _limiter.Dispose();

    internal static TokenBucketRateLimiterOptions BucketFor(TenantRateLimitOptions limits)
    {
        // Refill in 100 ms steps at high rates (smooth), one token per period at low rates.
        var (period, tokens) = limits.PermitsPerSecond >= 10
            ? (TimeSpan.FromMilliseconds(100), (int)Math.Round(limits.PermitsPerSecond / 10))
            : (TimeSpan.FromSeconds(1 / limits.PermitsPerSecond), 1);
        return new TokenBucketRateLimiterOptions
        {
            TokenLimit = limits.Burst,
            TokensPerPeriod = tokens,
            ReplenishmentPeriod = period,
            QueueLimit = 0,
            AutoReplenishment = true,
        };
    }
}
