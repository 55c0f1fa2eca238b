namespace PciCloud.Grains.Webhooks;

/// <summary>Exponential backoff for failed deliveries, bounded by the give-up window (3 days by default).</summary>
public static class WebhookRetryPolicy
{
    /// <summary>The delay after the <paramref name="failedAttempts"/>-th failure (1-based): initial * 2^(n-1), capped.</summary>
    public static TimeSpan Delay(int failedAttempts, WebhookOptions options)
    {
        var exponent = Math.Clamp(failedAttempts - 1, 0, 30);
        var ticks = options.InitialRetryDelay.Ticks * Math.Pow(2, exponent);
        return ticks >= options.MaxRetryDelay.Ticks ? options.MaxRetryDelay : TimeSpan.FromTicks((long)ticks);
    }

    /// <summary>When to try again, or null when the delivery is older than the give-up window: drop it.</summary>
    public static DateTimeOffset? NextAttempt(DateTimeOffset createdAt, int failedAttempts, DateTimeOffset now, WebhookOptions options)
    {
        var deadline = createdAt + options.GiveUpAfter;
        if (now >= deadline)
        {
            return null;
        }

        var next = now + Delay(failedAttempts, options);
        return next > deadline ? deadline : next;
    }
}
