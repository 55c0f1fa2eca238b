using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PciCloud.Contracts.Schedules;

namespace PciCloud.Grains.Schedules;

/// <summary>
/// A recurring schedule run by the region (the connectors here have no native schedules). A reminder
/// (Redis-backed in production, so it survives silo restarts) wakes the grain; each wake-up charges
/// every period that is due and not yet recorded. A period is persisted as "charging" before its token
/// charge is sent (gateway key: schedule + period), so a second wake-up, a retry or a restarted silo
/// re-sends the same key (replayed, never charged twice) instead of charging again. The clock is the
/// TimeProvider keyed <see cref="ClockKey"/> if one is registered (tests move it), else the silo's.
/// </summary>
public sealed partial class ScheduleGrain(
    [PersistentState("schedule", GrainStorage.Name)] IPersistentState<ScheduleState> state,
    IGrainFactory grains,
    IServiceProvider services,
    ILogger<ScheduleGrain> logger) : Grain, IScheduleGrain, IRemindable
{
    public const string ClockKey = "pcicloud.schedules";
    public const string ReminderName = "schedule-charge";
    private static readonly TimeSpan ReminderPeriod = TimeSpan.FromHours(1);

    // The keyed clock when a host (or a test) registers one, else the silo's TimeProvider.
    private readonly TimeProvider _clock = services.GetKeyedService<TimeProvider>(ClockKey) ?? services.GetRequiredService<TimeProvider>();

    private string Id => this.GetPrimaryKeyString();

    private ScheduleState S => state.State;

    public Task<ScheduleView?> GetAsync() => Task.FromResult(S.Registration is null ? null : View());

    public async Task<ScheduleView> StartAsync(ScheduleRegistration registration)
    {
        if (S.Registration is not null)
        {
            return View();
        }

        // The reminder first: if the write then fails, a reminder without a schedule unregisters itself;
        // the other order could leave a schedule that nothing ever wakes.
        await this.RegisterOrUpdateReminder(ReminderName, TimeSpan.FromMinutes(1), ReminderPeriod);
        S.Registration = registration;
        S.CreatedAt = _clock.GetUtcNow();
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            state.State = new ScheduleState(); // not saved: a retry starts it again
            throw;
        }

        // The first period may be due now: charge it soon, after the caller (a session's submit) has its answer.
        this.RegisterGrainTimer(ChargeDueAsync, TimeSpan.Zero, Timeout.InfiniteTimeSpan);
        return View();
    }

    public async Task<ScheduleReply> CancelAsync()
    {
        if (S.Registration is null)
        {
            return ScheduleReply.Refused("not_found", "No such schedule.");
        }

        if (S.Status != ScheduleView.Active)
        {
            return ScheduleReply.Refused("invalid_state", $"The schedule is {S.Status}.");
        }

        S.Status = ScheduleView.Cancelled;
        S.CancelledAt = _clock.GetUtcNow();
        await state.WriteStateAsync();
        await StopReminderAsync();
        return ScheduleReply.Success(View());
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (S.Registration is null || S.Status != ScheduleView.Active)
        {
            await StopReminderAsync(); // a reminder outliving its schedule
            return;
        }

        await ChargeDueAsync();
    }

    private async Task StopReminderAsync()
    {
        if (await this.GetReminder(ReminderName) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    private ScheduleView View()
    {
        var plan = S.Registration!;
        var next = S.Status == ScheduleView.Active && (plan.Count is null || S.Charges.Count < plan.Count)
            ? SchedulePeriods.DueAt(plan, S.CreatedAt, S.Charges.Count) : (DateTimeOffset?)null;
        return new ScheduleView(Id, plan.TenantId, S.Status, plan, S.CreatedAt, next, S.CancelledAt, [.. S.Charges]);
    }
}
