using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PciCloud.Contracts.Audit;
using PciCloud.Contracts.Payments;
using PciCloud.Contracts.Schedules;
using PciCloud.Contracts.Tokens;
using PciCloud.Contracts.Webhooks;
using PciCloud.Grains.Webhooks;
using PciCloud.Payments.Gateways;

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
        await state.WriteStateAsync();

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

    private async Task ChargeDueAsync()
    {
        if (S.Registration is not { } plan || S.Status != ScheduleView.Active)
        {
            return;
        }

        // A period left charging (the gateway did not answer, or the activation was lost) is finished first.
        if (S.Charges.Find(c => c.Status == ScheduleCharge.Charging) is { } open && !await ChargeAsync(open))
        {
            return;
        }

        var now = _clock.GetUtcNow();
        while (S.Status == ScheduleView.Active)
        {
            var period = S.Charges.Count;
            if (plan.Count is { } count && period >= count)
            {
                S.Status = ScheduleView.Completed;
                await state.WriteStateAsync();
                await StopReminderAsync();
                return;
            }

            var due = SchedulePeriods.DueAt(plan, S.CreatedAt, period);
            if (due > now)
            {
                return;
            }

            var charge = new ScheduleCharge(period, due, Ids.Derive("pay", SchedulePeriods.PaymentKey(Id, period)), ScheduleCharge.Charging);
            S.Charges.Add(charge);
            await state.WriteStateAsync(); // recorded before it is charged
            if (!await ChargeAsync(charge))
            {
                return;
            }
        }
    }

    /// <summary>Charges one period; false when the outcome is still unknown (the next wake-up retries with the same key).</summary>
    private async Task<bool> ChargeAsync(ScheduleCharge charge)
    {
        var plan = S.Registration!;
        var reply = await grains.GetGrain<ITokenGrain>(plan.TokenId).ChargeAsync(
            new TokenCharge(charge.PaymentId, SchedulePeriods.PaymentKey(Id, charge.Period), plan.Amount, plan.Currency)
            {
                ScheduleId = Id,
                Period = charge.Period,
                Description = plan.Description,
                Reference = plan.Reference,
            });
        if (reply.ErrorCode == GatewayErrorCodes.Unavailable)
        {
            LogChargeUnknown(charge.Period);
            return false;
        }

        var succeeded = reply.View?.Status == PaymentStatuses.Succeeded;
        var settled = charge with { Status = succeeded ? ScheduleCharge.Succeeded : ScheduleCharge.Failed };
        S.Charges[charge.Period] = settled;
        await state.WriteStateAsync();
        await RecordAsync(settled, succeeded ? "success" : reply.View?.DeclineCode ?? reply.ErrorCode ?? "failed", reply.View);
        return true;
    }

    private async Task RecordAsync(ScheduleCharge charge, string outcome, PaymentView? payment)
    {
        var plan = S.Registration!;
        await grains.GetGrain<IAuditLogGrain>(plan.TenantId).AppendAsync(new AuditRecord("schedule", "schedule.charged", charge.PaymentId, outcome));
        try
        {
            await grains.GetGrain<IWebhookGrain>(plan.TenantId).EnqueueAsync(WebhookEventTypes.ScheduleCharged, WebhookData.Of(new
            {
                @object = "schedule_charge",
                ScheduleId = Id,
                charge.Period,
                charge.PaymentId,
                charge.Status,
                plan.Amount,
                plan.Currency,
                payment?.DeclineCode,
                charge.DueAt,
            }));
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            LogWebhookFailed(ex.GetType().Name);
        }
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Schedule period {Period}: the gateway did not answer; retried on the next wake-up")]
    private partial void LogChargeUnknown(int period);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook schedule.charged could not be queued ({ExceptionType})")]
    private partial void LogWebhookFailed(string exceptionType);
}
