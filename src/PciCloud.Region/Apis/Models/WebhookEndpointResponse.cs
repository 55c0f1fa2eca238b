namespace PciCloud.Region.Apis.Models;

/// <summary>The endpoint as set; <see cref="Secret"/> (the signing secret) only in the answer to PUT, once.</summary>
public sealed record WebhookEndpointResponse(string Url, IReadOnlyList<string> Events, string? Secret = null);
