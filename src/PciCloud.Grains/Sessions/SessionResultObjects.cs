using PciCloud.Contracts.Payments;
using PciCloud.Contracts.Schedules;
using PciCloud.Contracts.Sessions;
using PciCloud.Contracts.Tokens;
using PciCloud.Payments.Gateways;
using PciCloud.Payments.Sessions;
using ContractView = PciCloud.Contracts.Sessions.PaymentSessionView;

namespace PciCloud.Grains.Sessions;

/// <summary>
/// After an approved submit: the payment, token and schedule the session's result names (pay_, tok_,
/// sch_ with the session's suffix) get their own grains, so the API can capture, refund, charge and
/// cancel them. Every registration is idempotent: the session retries until it has succeeded once.
/// </summary>
internal static class SessionResultObjects
{
    public static async Task RegisterAsync(IGrainFactory grains, PaymentSession session, SessionCreate create, ContractView view, string gatewayKey)
    {
        if (session.Outcome is not { Outcome: GatewayOutcome.Approved } outcome || view.Result is not { } result)
        {
            return;
        }

        if (result.PaymentId is { } paymentId && outcome.PaymentReference is { } paymentReference)
        {
            var kind = session.Intent == PaymentIntent.Authorize ? PaymentStatuses.KindAuthorization : PaymentStatuses.KindCharge;
            await grains.GetGrain<IPaymentGrain>(paymentId).RegisterAsync(new PaymentRegistration(
                create.TenantId, create.GatewayKind, kind, session.Amount!.Value.MinorUnits, session.Amount.Value.Currency.Code, gatewayKey)
            {
                SessionId = view.Id,
                Description = view.Description,
                Reference = view.Reference,
                GatewayReference = paymentReference,
                AuthorizationCode = outcome.AuthorizationCode,
            });
        }

        if (result.TokenId is not { } tokenId || outcome.TokenReference is not { } tokenReference)
        {
            return;
        }

        var card = view.Fields.GetValueOrDefault("card_number");
        await grains.GetGrain<ITokenGrain>(tokenId).RegisterAsync(new TokenRegistration(
            create.TenantId, create.GatewayKind, tokenReference, view.Id, card?.Brand, card?.Last4) { TokenType = create.ControlsOrDefault.TokenType });

        if (result.ScheduleId is { } scheduleId && create.Recurring is { } plan && session.Amount is { } amount)
        {
            await grains.GetGrain<IScheduleGrain>(scheduleId).StartAsync(new ScheduleRegistration(
                create.TenantId, tokenId, amount.MinorUnits, amount.Currency.Code, plan.Interval, plan.Count, plan.StartDate)
            {
                SessionId = view.Id,
                Description = view.Description,
                Reference = view.Reference,
            });
        }
    }
}
