using PciCloud.Contracts.Payments;

namespace PciCloud.Grains.Payments;

/// <summary>A payment's persisted state: amounts, status, the gateway's reference. Never card data.</summary>
[GenerateSerializer, Alias("pcicloud.payment-state.v1")]
public sealed class PaymentState
{
    [Id(0)] public PaymentRegistration? Registration { get; set; }

    [Id(1)] public string Status { get; set; } = PaymentStatuses.Pending;

    [Id(2)] public string? GatewayReference { get; set; }

    [Id(3)] public string? AuthorizationCode { get; set; }

    [Id(4)] public long Captured { get; set; }

    [Id(5)] public string? DeclineCode { get; set; }

    [Id(6)] public string? Message { get; set; }

    [Id(7)] public List<RefundView> Refunds { get; set; } = [];

    [Id(8)] public DateTimeOffset CreatedAt { get; set; }
}
