namespace PciCloud.Grains.Webhooks;

/// <summary>
/// The "Webhooks" configuration section: retry backoff (doubling from <see cref="InitialRetryDelay"/>
/// up to <see cref="MaxRetryDelay"/>), how long a delivery is retried before it is given up, the
/// timeout of one attempt and the most deliveries a tenant may have waiting.
/// </summary>
public sealed class WebhookOptions
{
    public const string Section = "Webhooks";

    public TimeSpan InitialRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromHours(6);

    public TimeSpan GiveUpAfter { get; set; } = TimeSpan.FromDays(3);

    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    public int MaxPending { get; set; } = 10_000;
}
