using PciCloud.Payments.Money;

namespace PciCloud.Payments.Gateways;

/// <summary>An off-session charge of a stored card (its gateway token), e.g. one instalment of a schedule.</summary>
public sealed record TokenChargeRequest(string IdempotencyKey, string Token, MoneyAmount Amount)
{
    public string? Description { get; init; }

    public string? Reference { get; init; }
}
