using global::Stripe;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace PciCloud.Payments.Stripe;

/// <summary>
/// Retries transient failures (network, timeout, 409/429/5xx) with exponential backoff, each
/// attempt bounded by a timeout. The caller's RequestOptions (and so its Idempotency-Key) are
/// reused by every attempt, so Stripe executes the operation at most once.
/// </summary>
internal static class StripeResilience
{
    public static ResiliencePipeline Build(StripeGatewayOptions options, TimeProvider time)
    {
        var builder = new ResiliencePipelineBuilder { TimeProvider = time };
        if (options.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = options.MaxRetries,
                Delay = options.RetryDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                ShouldHandle = new PredicateBuilder()
                    .Handle<StripeException>(StripeResultMapper.IsTransient)
                    .Handle<HttpRequestException>()
                    .Handle<TimeoutRejectedException>(),
            });
        }

        return builder.AddTimeout(options.AttemptTimeout).Build();
    }
}
