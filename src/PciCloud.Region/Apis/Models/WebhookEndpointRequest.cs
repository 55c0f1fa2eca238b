namespace PciCloud.Region.Apis.Models;

public sealed record WebhookEndpointRequest(string? Url, IReadOnlyList<string>? Events);
