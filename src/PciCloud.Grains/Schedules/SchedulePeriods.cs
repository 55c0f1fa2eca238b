using PciCloud.Contracts.Schedules;

namespace PciCloud.Grains.Schedules;

/// <summary>
/// When period n is due: the start date (00:00 UTC; without one, the moment the schedule began) plus
/// n intervals, each counted from the start so months do not drift (31 Jan, 28 Feb, 31 Mar).
/// </summary>
public static class SchedulePeriods
{
    public static DateTimeOffset DueAt(ScheduleRegistration plan, DateTimeOffset createdAt, int period)
    {
        var anchor = plan.StartDate is { } d ? new DateTimeOffset(d.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : createdAt;
        return plan.Interval switch
        {
            "week" => anchor.AddDays(7 * period),
            "month" => anchor.AddMonths(period),
            "year" => anchor.AddYears(period),
            _ => throw new ArgumentException($"Unknown interval {plan.Interval}.", nameof(plan)),
        };
    }

    public static string PaymentKey(string scheduleId, int period) => $"{scheduleId}:period:{period}";
}
