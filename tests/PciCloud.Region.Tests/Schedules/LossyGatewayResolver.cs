using PciCloud.Grains.Gateways;
using PciCloud.Payments.Gateways;

namespace PciCloud.Region.Tests.Schedules;

/// <summary>
/// The region's real resolver, whose gateways can lose the answer of the next token charges: the
/// charge reaches the gateway (and is made), then the call throws, as when a connection drops.
/// </summary>
public sealed class LossyGatewayResolver(IGatewayResolver inner) : IGatewayResolver
{
    private int _answersToLose;

    public int AnswersLost { get; private set; }

    public void LoseNextTokenChargeAnswers(int count) => Volatile.Write(ref _answersToLose, count);

    public async Task<IPaymentGateway?> ForTenantAsync(string tenantId, string gatewayKind, CancellationToken cancellationToken = default) =>
        await inner.ForTenantAsync(tenantId, gatewayKind, cancellationToken) is { } gateway ? new LossyGateway(gateway, this) : null;

    internal bool TakeLoss()
    {
        while (Volatile.Read(ref _answersToLose) is var left and > 0)
        {
            if (Interlocked.CompareExchange(ref _answersToLose, left - 1, left) == left)
            {
                AnswersLost++;
                return true;
            }
        }

        return false;
    }
}
