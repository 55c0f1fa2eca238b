using System.Collections.Concurrent;
using System.Text.Json;
using PciCloud.Grains.Secrets;
using PciCloud.Payments.Gateways;
using PciCloud.Payments.Gateways.Sandbox;
using PciCloud.Payments.Stripe;

namespace PciCloud.Grains.Gateways;

/// <summary>
/// Sandbox: the silo's one in-process sandbox. Stripe: a connector built from the tenant's
/// credentials in the secret store ({"apiKey": "...", "apiBase"?: "..."}), rebuilt when they rotate.
/// </summary>
public sealed class GatewayResolver(SandboxGateway sandbox, ISecretStore secrets) : IGatewayResolver
{
    private readonly ConcurrentDictionary<string, (string Credentials, StripeGateway Gateway)> _stripe = new(StringComparer.Ordinal);

    public async Task<IPaymentGateway?> ForTenantAsync(string tenantId, string gatewayKind, CancellationToken cancellationToken = default)
    {
        if (gatewayKind != "stripe")
        {
            return sandbox;
        }

        var credentials = await secrets.GetAsync(SecretNames.GatewayCredentials(tenantId), cancellationToken);
        if (credentials is null)
        {
            return null;
        }

        if (_stripe.TryGetValue(tenantId, out var cached) && cached.Credentials == credentials)
        {
            return cached.Gateway;
        }

        using var doc = JsonDocument.Parse(credentials);
        if (!doc.RootElement.TryGetProperty("apiKey", out var key) || key.GetString() is not { Length: > 0 } apiKey)
        {
            return null;
        }

        var options = new StripeGatewayOptions { ApiKey = apiKey };
        if (doc.RootElement.TryGetProperty("apiBase", out var apiBase) && apiBase.GetString() is { Length: > 0 } b)
        {
            options = options with { ApiBase = b };
        }

        var gateway = new StripeGateway(options);
        _stripe[tenantId] = (credentials, gateway);
        return gateway;
    }
}
