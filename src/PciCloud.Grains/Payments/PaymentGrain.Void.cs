using PciCloud.Contracts.Payments;
using PciCloud.Payments.Gateways;

namespace PciCloud.Grains.Payments;

/// <summary>Void: releases an uncaptured authorization (nothing is charged; it cannot be captured afterwards).</summary>
public sealed partial class PaymentGrain
{
    public async Task<PaymentReply> VoidAsync()
    {
        if (S.Registration is not { } r)
        {
            return PaymentReply.Refused("not_found", "No such payment.");
        }

        if (S.Status == PaymentStatuses.Voided)
        {
            return PaymentReply.Success(View()); // a repeated void answers the same
        }

        if (r.Kind != PaymentStatuses.KindAuthorization || S.Status != PaymentStatuses.Authorized)
        {
            return PaymentReply.Refused("invalid_state", r.Kind == PaymentStatuses.KindAuthorization
                ? $"The authorization is {S.Status}: only an uncaptured authorization can be voided."
                : "Only an authorization can be voided: this payment was charged at once (refund it instead).");
        }

        var gateway = await gateways.ForTenantAsync(r.TenantId, r.GatewayKind);
        if (gateway is null || !gateway.Capabilities.Void)
        {
            return gateway is null
                ? PaymentReply.Refused(GatewayErrorCodes.Unavailable, "The tenant's gateway is not configured.")
                : PaymentReply.Refused("intent_not_supported", "The tenant's gateway cannot void.");
        }

        var result = await SendAsync(() => gateway.VoidAsync(new PciCloud.Payments.Gateways.VoidRequest($"{Id}:void", S.GatewayReference!), CancellationToken.None));
        if (result is null || !result.IsApproved)
        {
            return result is null
                ? PaymentReply.Refused(GatewayErrorCodes.Unavailable, "The gateway did not answer; retry the void.")
                : PaymentReply.Refused("invalid_state", result.Message ?? "The gateway refused the void.");
        }

        S.Status = PaymentStatuses.Voided;
        await state.WriteStateAsync();
        return PaymentReply.Success(View());
    }
}
