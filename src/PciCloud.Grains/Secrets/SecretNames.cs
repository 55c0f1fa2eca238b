namespace PciCloud.Grains.Secrets;

/// <summary>The names of the region's secrets in the store.</summary>
public static class SecretNames
{
    /// <summary>HMAC key that signs agentUrl tokens.</summary>
    public const string AgentLinkKey = "agent-link-key";

    /// <summary>HMAC key that derives per-call media tokens.</summary>
    public const string MediaTokenKey = "media-token-key";

    public static string GatewayCredentials(string tenantId) => $"gateway-{tenantId}";

    /// <summary>A named gateway configuration's credentials; the name's length keeps (tenant, name) pairs apart.</summary>
    public static string GatewayCredentials(string tenantId, string? name) =>
        name is null ? GatewayCredentials(tenantId) : $"gw-{name.Length}-{name}-{tenantId}";

    public static string WebhookSigningSecret(string tenantId) => $"webhook-{tenantId}";
}
