using PciCloud.Payments.Gateways;

namespace PciCloud.Grains.Gateways;

/// <summary>The payment gateway connector of a tenant (its kind and its credentials from the secret store).</summary>
public interface IGatewayResolver
{
    /// <summary>True when the host registered a connector for this kind (tenants may only use those).</summary>
    bool IsKnownKind(string gatewayKind);

    /// <summary>
    /// Null when the tenant's gateway cannot be used (e.g. Stripe without usable credentials).
    /// Throws <see cref="InvalidOperationException"/> for a kind no connector is registered for.
    /// </summary>
    Task<IPaymentGateway?> ForTenantAsync(string tenantId, string gatewayKind, CancellationToken cancellationToken = default);
}
