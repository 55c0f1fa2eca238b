namespace PciCloud.Region.Apis.Models;

/// <summary>A new API key: <see cref="Key"/> is shown this once and never again.</summary>
public sealed record ApiKeyResponse(string Id, string TenantId, string Key, DateTimeOffset CreatedAt);
