namespace PciCloud.Payments.Stripe;

/// <summary>Settings of one tenant's Stripe connector. The API key comes from the region's Key Vault, never from config files.</summary>
public sealed record StripeGatewayOptions
{
    public required string ApiKey { get; init; }

    /// <summary>Stripe's API base; tests point it at a local server.</summary>
    public string ApiBase { get; init; } = "https://api.stripe.com";

    /// <summary>Timeout of one HTTP attempt.</summary>
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>Retries after the first attempt, always with the same idempotency key.</summary>
    public int MaxRetries { get; init; } = 2;

    /// <summary>First retry delay (exponential backoff with jitter after it).</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Flag card payments as MOTO (card given over the phone: exempt from customer authentication).</summary>
    public bool Moto { get; init; } = true;
}
