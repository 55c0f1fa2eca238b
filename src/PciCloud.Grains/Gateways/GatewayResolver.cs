using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using PciCloud.Grains.Secrets;
using PciCloud.Payments.Gateways;

namespace PciCloud.Grains.Gateways;

/// <summary>
/// A tenant's gateway, from the connector the host registered for its kind (keyed services: the
/// grains name no vendor) and the tenant's credentials in the secret store; rebuilt when they
/// rotate. A kind no connector is registered for is a configuration error, never the sandbox.
/// </summary>
public sealed class GatewayResolver(IServiceProvider services, ISecretStore secrets) : IGatewayResolver
{
    private readonly ConcurrentDictionary<string, (string Credentials, IPaymentGateway Gateway)> _connected = new(StringComparer.Ordinal);

    public bool IsKnownKind(string gatewayKind) => Connector(gatewayKind) is not null;

    /// <param name="gatewayKind">The kind, or kind/name for a named configuration (<see cref="GatewayRefs"/>).</param>
    public async Task<IPaymentGateway?> ForTenantAsync(string tenantId, string gatewayKind, CancellationToken cancellationToken = default)
    {
        var (kind, name) = GatewayRefs.Parse(gatewayKind);
        var connector = Connector(kind)
            ?? throw new InvalidOperationException($"No gateway connector is registered for kind '{kind}'.");
        if (!connector.NeedsCredentials)
        {
            return connector.Connect(null);
        }

        var credentials = await secrets.GetAsync(SecretNames.GatewayCredentials(tenantId, name), cancellationToken);
        if (credentials is null)
        {
            return null;
        }

        var cacheKey = gatewayKind + "|" + tenantId;
        if (_connected.TryGetValue(cacheKey, out var cached) && cached.Credentials == credentials)
        {
            return cached.Gateway;
        }

        // Credentials the deployment does not allow (e.g. stored before a rule existed) are not used.
        if (connector.CredentialsProblem(credentials) is not null)
        {
            return null;
        }

        var gateway = connector.Connect(credentials);
        _connected[cacheKey] = (credentials, gateway);
        return gateway;
    }

    private IGatewayConnector? Connector(string kind) =>
        string.IsNullOrEmpty(kind) ? null : services.GetKeyedService<IGatewayConnector>(kind);
}
