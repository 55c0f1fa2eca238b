using PciCloud.Contracts.Schedules;

namespace PciCloud.Region.Apis.Models;

/// <summary>A recurring schedule: its plan, status and every period's payment.</summary>
public sealed record ScheduleResponse(
    string Id, string Object, string Status, string TokenId, long Amount, string Currency, string Interval, int? Count,
    DateOnly? StartDate, string? SessionId, DateTimeOffset CreatedAt, DateTimeOffset? NextChargeAt, DateTimeOffset? CancelledAt,
    IReadOnlyList<ScheduleChargeResponse> Charges)
{
    public static ScheduleResponse From(ScheduleView v) => new(
        v.Id, "schedule", v.Status, v.Plan.TokenId, v.Plan.Amount, v.Plan.Currency, v.Plan.Interval, v.Plan.Count,
        v.Plan.StartDate, v.Plan.SessionId, v.CreatedAt, v.NextChargeAt, v.CancelledAt,
        [.. v.Charges.Select(c => new ScheduleChargeResponse(c.Period, c.DueAt, c.PaymentId, c.Status))]);
}
