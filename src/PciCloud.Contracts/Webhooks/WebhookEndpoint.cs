namespace PciCloud.Contracts.Webhooks;

/// <summary>A tenant's webhook endpoint (its signing secret lives in the secret store).</summary>
[GenerateSerializer, Immutable, Alias("pcicloud.webhook-endpoint.v1")]
public sealed record WebhookEndpoint(
    [property: Id(0)] string Url,
    [property: Id(1)] IReadOnlyList<string> Events,
    [property: Id(2)] string SecretName);
