using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using PciCloud.Region.Hosting;

namespace PciCloud.Region.Http;

/// <summary>
/// Per-tenant token bucket (Region:RateLimitPermitsPerSecond, Region:RateLimitBurst) after
/// authentication: an exhausted tenant gets 429 rate_limited with Retry-After; others are unaffected.
/// </summary>
internal sealed class TenantRateLimitMiddleware : IDisposable
{
    private readonly RequestDelegate _next;
    private readonly PartitionedRateLimiter<string> _limiter;

    public TenantRateLimitMiddleware(RequestDelegate next, IOptions<RegionOptions> options)
    {
        _next = next;
        var o = options.Value;
        _limiter = PartitionedRateLimiter.Create<string, string>(tenant => RateLimitPartition.GetTokenBucketLimiter(tenant, _ =>
            new TokenBucketRateLimiterOptions
            {
                TokenLimit = Math.Max(1, o.RateLimitBurst),
                TokensPerPeriod = Math.Max(1, o.RateLimitPermitsPerSecond),
                ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                QueueLimit = 0,
                AutoReplenishment = true,
            }));
    }

    public async Task InvokeAsync(HttpContext context)
    {
        if (context.FindCaller() is not { } caller)
        {
            await _next(context);
            return;
        }

        using var lease = _limiter.AttemptAcquire(caller.Kind == Auth.CallerKind.Admin ? "admin" : caller.TenantId);
        if (!lease.IsAcquired)
        {
            var retry = lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? (int)Math.Ceiling(after.TotalSeconds) : 1;
            await Problems.WriteAsync(context,
                Problems.Of(StatusCodes.Status429TooManyRequests, "rate_limited", "Too many requests.",
                    "This tenant's request rate is over its limit; retry after the given delay."), Math.Max(1, retry));
            return;
        }

        await _next(context);
    }

    public void Dispose() => _limiter.Dispose();
}
