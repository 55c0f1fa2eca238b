using Microsoft.Extensions.Logging;
using PciCloud.Contracts.Payments;
using PciCloud.Grains.Gateways;
using PciCloud.Payments.Gateways;
using PciCloud.Payments.Money;

namespace PciCloud.Grains.Payments;

/// <summary>
/// One payment (key: pay_ id). Every gateway request carries a key derived from the payment (and the
/// refund), so a retry after a lost answer or a lost activation is replayed by the gateway, never
/// made twice. A charge or refund is persisted as pending before the gateway is asked.
/// </summary>
public sealed partial class PaymentGrain(
    [PersistentState("payment", GrainStorage.Name)] IPersistentState<PaymentState> state,
    IGrainFactory grains,
    IGatewayResolver gateways,
    TimeProvider time,
    RegionMetrics metrics,
    ILogger<PaymentGrain> logger) : Grain, IPaymentGrain
{
    private string Id => this.GetPrimaryKeyString();

    private PaymentState S => state.State;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        ArmRefundRetry();
        return Task.CompletedTask;
    }

    public async Task<PaymentView?> GetAsync()
    {
        if (S.Registration is null)
        {
            return null;
        }

        await SettlePendingRefundsAsync(); // a read shows settled refunds where the gateway can tell
        return View();
    }

    public async Task<PaymentView> RegisterAsync(PaymentRegistration registration)
    {
        if (S.Registration is null)
        {
            var authorization = registration.Kind == PaymentStatuses.KindAuthorization;
            S.Registration = registration;
            S.GatewayReference = registration.GatewayReference;
            S.AuthorizationCode = registration.AuthorizationCode;
            S.Status = authorization ? PaymentStatuses.Authorized : PaymentStatuses.Succeeded;
            S.Captured = authorization ? 0 : registration.Amount;
            S.CreatedAt = time.GetUtcNow();
            await WriteFirstStateAsync();
        }

        return View();
    }

    public async Task<PaymentReply> ChargeTokenAsync(PaymentRegistration registration, string tokenReference)
    {
        if (S.Registration is not null && S.Status != PaymentStatuses.Pending)
        {
            return PaymentReply.Success(View()); // already decided: replay
        }

        var gateway = await gateways.ForTenantAsync(registration.TenantId, registration.GatewayKind);
        if (gateway is null)
        {
            return PaymentReply.Refused(GatewayErrorCodes.Unavailable, "The tenant's gateway is not configured.");
        }

        if (S.Registration is null)
        {
            S.Registration = registration with { Kind = PaymentStatuses.KindTokenCharge };
            S.CreatedAt = time.GetUtcNow();
            await WriteFirstStateAsync(); // pending before the gateway is asked
        }

        var r = S.Registration;
        var request = new TokenChargeRequest(r.GatewayKey, tokenReference, new MoneyAmount(r.Amount, Currency.Parse(r.Currency)))
        {
            Description = r.Description,
            Reference = r.Reference,
        };
        var result = await SendAsync(() => gateway.ChargeTokenAsync(request, CancellationToken.None));
        if (result is null)
        {
            return PaymentReply.Refused(GatewayErrorCodes.Unavailable, "The gateway did not answer; the charge stays pending and is safe to retry.");
        }

        S.GatewayReference = result.Reference;
        S.AuthorizationCode = result.AuthorizationCode;
        S.Status = result.IsApproved ? PaymentStatuses.Succeeded : PaymentStatuses.Failed;
        S.Captured = result.IsApproved ? result.AmountMinorUnits ?? r.Amount : 0;
        S.DeclineCode = result.DeclineCode;
        S.Message = result.Message;
        await state.WriteStateAsync();
        return PaymentReply.Success(View());
    }

    public async Task<PaymentReply> CaptureAsync(long? amount)
    {
        if (S.Registration is not { } r)
        {
            return PaymentReply.Refused("not_found", "No such payment.");
        }

        if (r.Kind != PaymentStatuses.KindAuthorization || S.Status != PaymentStatuses.Authorized)
        {
            return PaymentReply.Refused("invalid_state", r.Kind == PaymentStatuses.KindAuthorization
                ? $"The authorization is {S.Status}: only an uncaptured authorization can be captured."
                : "Only an authorization can be captured: this payment was charged at once.");
        }

        if (amount is <= 0 || amount > r.Amount)
        {
            return PaymentReply.Refused("invalid_amount", $"amount must be 1 to {r.Amount} minor units (the authorized amount).");
        }

        var gateway = await gateways.ForTenantAsync(r.TenantId, r.GatewayKind);
        if (gateway is null || !gateway.Capabilities.Capture)
        {
            return gateway is null
                ? PaymentReply.Refused(GatewayErrorCodes.Unavailable, "The tenant's gateway is not configured.")
                : PaymentReply.Refused("intent_not_supported", "The tenant's gateway cannot capture.");
        }

        // One key per payment and amount: a retried capture is replayed by the gateway.
        var key = $"{Id}:capture:{amount?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "all"}";
        var result = await SendAsync(() => gateway.CaptureAsync(new CaptureRequest(key, S.GatewayReference!, amount), CancellationToken.None));
        if (result is null || !result.IsApproved)
        {
            return result is null
                ? PaymentReply.Refused(GatewayErrorCodes.Unavailable, "The gateway did not answer; retry the capture.")
                : PaymentReply.Refused("invalid_state", result.Message ?? "The gateway refused the capture.");
        }

        S.Status = PaymentStatuses.Succeeded;
        S.Captured = result.AmountMinorUnits ?? amount ?? r.Amount;
        await state.WriteStateAsync();
        return PaymentReply.Success(View());
    }

    /// <summary>The gateway's answer, or null when it is unknown (threw, or a retryable error): safe to re-send with the same key.</summary>
    private async Task<GatewayResult?> SendAsync(Func<Task<GatewayResult>> send)
    {
        try
        {
            var result = await send();
            if (result is { Outcome: GatewayOutcome.Error, Retryable: true })
            {
                metrics.GatewayError(S.Registration!.GatewayKind);
                return null;
            }

            return result;
        }
        catch (Exception e) when (e is not OperationCanceledException and not OutOfMemoryException)
        {
            metrics.GatewayError(S.Registration!.GatewayKind);
            LogGatewayFailed(e.GetType().Name);
            return null;
        }
    }

    private PaymentView View() => PaymentViews.Of(Id, S);

    /// <summary>The first write: if it fails the payment does not exist (a retry starts over, not from unsaved memory).</summary>
    private async Task WriteFirstStateAsync()
    {
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            state.State = new PaymentState();
            throw;
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Gateway call for a payment failed with {ExceptionType}; it stays pending")]
    private partial void LogGatewayFailed(string exceptionType);
}
