using PciCloud.Payments.Gateways;

namespace PciCloud.Grains.Gateways;

/// <summary>The payment gateway connector of a tenant (its kind and its credentials from the secret store).</summary>
public interface IGatewayResolver
{
    /// <summary>Null when the tenant's gateway cannot be used (e.g. Stripe without credentials).</summary>
    Task<IPaymentGateway?> ForTenantAsync(string tenantId, string gatewayKind, CancellationToken cancellationToken = default);
}
