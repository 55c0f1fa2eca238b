namespace PciCloud.Grains.Webhooks;

/// <summary>One pending delivery: the event body (already built, masked data only) and its retry bookkeeping.</summary>
[GenerateSerializer, Alias("pcicloud.webhook-delivery.v1")]
public sealed class WebhookDelivery
{
    [Id(0)] public string EventId { get; set; } = "";

    [Id(1)] public string Type { get; set; } = "";

    [Id(2)] public string Body { get; set; } = "";

    [Id(3)] public DateTimeOffset CreatedAt { get; set; }

    [Id(4)] public int Attempts { get; set; }

    [Id(5)] public DateTimeOffset NextAttemptAt { get; set; }

    /// <summary>A session's statusCallback; null: the tenant's endpoint.</summary>
    [Id(6)] public string? Url { get; set; }
}
