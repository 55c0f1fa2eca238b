using Microsoft.Extensions.Logging;
using PciCloud.Contracts.Audit;
using PciCloud.Contracts.Payments;
using PciCloud.Contracts.Schedules;
using PciCloud.Contracts.Tokens;
using PciCloud.Contracts.Webhooks;
using PciCloud.Grains.Webhooks;
using PciCloud.Payments.Gateways;

namespace PciCloud.Grains.Schedules;

/// <summary>Charging: every due period in order, each recorded before its token is charged.</summary>
public sealed partial class ScheduleGrain
{
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Schedule period {Period}: the gateway did not answer; retried on the next wake-up")]
    private partial void LogChargeUnknown(int period);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook schedule.charged could not be queued ({ExceptionType})")]
    private partial void LogWebhookFailed(string exceptionType);
}
