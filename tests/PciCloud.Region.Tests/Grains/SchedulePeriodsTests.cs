using PciCloud.Contracts.Schedules;
using PciCloud.Grains.Schedules;

namespace PciCloud.Region.Tests.Grains;

public sealed class SchedulePeriodsTests
{
    [Theory]
    [InlineData("month", "2027-01-31", 1, "2027-02-28")]
    [InlineData("month", "2027-01-31", 2, "2027-03-31")]
    [InlineData("week", "2027-01-31", 3, "2027-02-21")]
    [InlineData("year", "2028-02-29", 1, "2029-02-28")]
    public void DueAt_CountsFromTheStart_MonthsDoNotDrift(string interval, string start, int period, string expected)
    {
        var plan = new ScheduleRegistration("t", "tok_1", 100, "USD", interval, null, DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture));
        var due = SchedulePeriods.DueAt(plan, DateTimeOffset.UnixEpoch, period);
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), DateOnly.FromDateTime(due.UtcDateTime));
        Assert.Equal(TimeSpan.Zero, due.TimeOfDay);
    }
}
