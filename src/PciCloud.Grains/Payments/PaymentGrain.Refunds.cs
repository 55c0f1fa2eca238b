using Microsoft.Extensions.Logging;
using PciCloud.Contracts.Payments;
using PciCloud.Contracts.Webhooks;
using PciCloud.Grains.Webhooks;
using PciCloud.Payments.Gateways;

namespace PciCloud.Grains.Payments;

public sealed partial class PaymentGrain
{
    private static readonly TimeSpan RefundRetry = TimeSpan.FromSeconds(30);
    private IGrainTimer? _refundRetry;

    public async Task<RefundReply> RefundAsync(RefundCommand command)
    {
        if (S.Registration is not { } r)
        {
            return RefundReply.Refused("not_found", "No such payment.");
        }

        if (S.Refunds.Find(x => x.Id == command.RefundId) is { } existing)
        {
            return RefundReply.Success(existing); // the same refund asked again (same Idempotency-Key)
        }

        if (S.Status is not (PaymentStatuses.Succeeded or PaymentStatuses.PartiallyRefunded or PaymentStatuses.Refunded))
        {
            return RefundReply.Refused("invalid_state", $"Only a captured payment can be refunded; this one is {S.Status}.");
        }

        var refundable = View().Refundable;
        if (refundable <= 0)
        {
            return RefundReply.Refused("invalid_state", "Nothing is left to refund.");
        }

        var amount = command.Amount ?? refundable;
        if (amount <= 0 || amount > refundable)
        {
            return RefundReply.Refused("invalid_amount", $"amount must be 1 to {refundable} minor units (what is left to refund).");
        }

        var gateway = await gateways.ForTenantAsync(r.TenantId, r.GatewayKind);
        if (gateway is null || !gateway.Capabilities.Refund || (amount < S.Captured && !gateway.Capabilities.PartialRefund))
        {
            return gateway is null
                ? RefundReply.Refused(GatewayErrorCodes.Unavailable, "The tenant's gateway is not configured.")
                : RefundReply.Refused("intent_not_supported", "The tenant's gateway cannot make this refund.");
        }

        var refund = new RefundView(command.RefundId, Id, amount, r.Currency, RefundView.Pending, command.Reason, time.GetUtcNow());
        S.Refunds.Add(refund);
        try
        {
            await state.WriteStateAsync(); // the amount is reserved before the gateway is asked
        }
        catch
        {
            S.Refunds.Remove(refund); // not saved: the refund was never asked for
            throw;
        }

        return RefundReply.Success(await SendRefundAsync(gateway, refund, announcePending: true));
    }

    private async Task<RefundView> SendRefundAsync(IPaymentGateway gateway, RefundView refund, bool announcePending = false)
    {
        var request = new RefundRequest($"{Id}:refund:{refund.Id}", S.GatewayReference!, refund.Amount, refund.Reason);
        var result = await SendAsync(() => gateway.RefundAsync(request, CancellationToken.None));
        var settled = result is null ? refund : refund with
        {
            Status = result.IsApproved ? RefundView.Succeeded : RefundView.Failed,
            Message = result.IsApproved ? null : result.Message,
        };

        if (result is not null)
        {
            S.Refunds[S.Refunds.FindIndex(x => x.Id == refund.Id)] = settled;
            S.Status = PaymentViews.AfterRefunds(S);
            await state.WriteStateAsync();
        }

        if (result is not null || announcePending)
        {
            await RaiseRefundWebhookAsync(settled); // once per status: pending (when it is), then settled
        }

        ArmRefundRetry();
        return settled;
    }

    /// <summary>A refund whose outcome is unknown is sent again (same key: the gateway replays it) until it settles: on a timer, and on a read.</summary>
    private void ArmRefundRetry()
    {
        var pending = S.Refunds.Exists(x => x.Status == RefundView.Pending);
        if (!pending)
        {
            _refundRetry?.Dispose();
            _refundRetry = null;
            return;
        }

        _refundRetry ??= this.RegisterGrainTimer(SettlePendingRefundsAsync, RefundRetry, RefundRetry);
    }

    private async Task SettlePendingRefundsAsync()
    {
        if (!S.Refunds.Exists(x => x.Status == RefundView.Pending)
            || await gateways.ForTenantAsync(S.Registration!.TenantId, S.Registration.GatewayKind) is not { } gateway)
        {
            return;
        }

        foreach (var refund in S.Refunds.Where(x => x.Status == RefundView.Pending).ToList())
        {
            await SendRefundAsync(gateway, refund);
        }
    }

    private async Task RaiseRefundWebhookAsync(RefundView refund)
    {
        try
        {
            await grains.GetGrain<IWebhookGrain>(S.Registration!.TenantId).EnqueueAsync(WebhookEventTypes.RefundUpdated, WebhookData.Of(new
            {
                refund.Id,
                @object = "refund",
                refund.PaymentId,
                refund.Amount,
                refund.Currency,
                refund.Status,
                refund.Reason,
                refund.CreatedAt,
            }));
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            LogWebhookFailed(WebhookEventTypes.RefundUpdated, ex.GetType().Name);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook {EventType} could not be queued ({ExceptionType})")]
    private partial void LogWebhookFailed(string eventType, string exceptionType);
}
