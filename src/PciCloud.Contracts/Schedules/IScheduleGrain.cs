namespace PciCloud.Contracts.Schedules;

/// <summary>
/// A recurring schedule (key: sch_ id): off-session charges of a stored card each interval, driven by
/// a persisted reminder. Each period is recorded before it is charged, so it is charged at most once.
/// </summary>
[Alias("pcicloud.schedule-grain.v1")]
public interface IScheduleGrain : IGrainWithStringKey
{
    [Alias("get")] Task<ScheduleView?> GetAsync();

    /// <summary>Starts the schedule (a recurring session's submit). Idempotent.</summary>
    [Alias("start")] Task<ScheduleView> StartAsync(ScheduleRegistration registration);

    [Alias("cancel")] Task<ScheduleReply> CancelAsync();
}
