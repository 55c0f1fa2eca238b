using System.Collections.Concurrent;
using PciCloud.Grains.Gateways;
using PciCloud.Payments.Gateways;

namespace PciCloud.Region.Tests.Infrastructure;

/// <summary>
/// The region's real resolver, whose gateways can lose the answer of the next token charges or
/// refunds: the request reaches the gateway (and is carried out), then the call throws, as when a
/// connection drops before the answer arrives.
/// </summary>
public sealed class LossyGatewayResolver(IGatewayResolver inner) : IGatewayResolver
{
    public const string CardCharge = "charge";
    public const string TokenCharge = "charge_token";
    public const string Refund = "refund";
    private readonly ConcurrentDictionary<string, int> _answersToLose = new(StringComparer.Ordinal);
    private int _answersLost;

    public int AnswersLost => Volatile.Read(ref _answersLost);

    public void LoseNextAnswers(string operation, int count) => _answersToLose[operation] = count;

    public bool IsKnownKind(string gatewayKind) => inner.IsKnownKind(gatewayKind);

    public async Task<IPaymentGateway?> ForTenantAsync(string tenantId, string gatewayKind, CancellationToken cancellationToken = default) =>
        await inner.ForTenantAsync(tenantId, gatewayKind, cancellationToken) is { } gateway ? new LossyGateway(gateway, this) : null;

    internal bool TakeLoss(string operation)
    {
        while (_answersToLose.TryGetValue(operation, out var left) && left > 0)
        {
            if (_answersToLose.TryUpdate(operation, left - 1, left))
            {
                Interlocked.Increment(ref _answersLost);
                return true;
            }
        }

        return false;
    }
}
