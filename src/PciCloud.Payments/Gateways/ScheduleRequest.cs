using PciCloud.Payments.Money;

namespace PciCloud.Payments.Gateways;

/// <summary>A recurring schedule run by the gateway itself (only where <see cref="GatewayCapabilities.NativeSchedules"/>).</summary>
public sealed record ScheduleRequest(string IdempotencyKey, string Token, MoneyAmount Amount, RecurringInterval Interval)
{
    /// <summary>Number of charges; null = until cancelled.</summary>
    public int? Count { get; init; }

    /// <summary>First charge date; null = today.</summary>
    public DateOnly? StartDate { get; init; }

    public string? Description { get; init; }
}
