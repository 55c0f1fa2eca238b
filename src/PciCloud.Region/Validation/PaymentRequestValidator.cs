using Microsoft.AspNetCore.Http.HttpResults;
using PciCloud.Contracts.Tenants;
using PciCloud.Payments.Cards;
using PciCloud.Payments.Money;
using PciCloud.Region.Apis.Models;
using PciCloud.Region.Http;

namespace PciCloud.Region.Validation;

/// <summary>Validates the bodies of payment, refund and token-charge requests (400 problems; nothing is changed).</summary>
public static class PaymentRequestValidator
{
    private static readonly AmountRules Amounts = new();
    private static readonly string[] RefundReasons = ["duplicate", "fraudulent", "requested_by_customer"];

    /// <summary>An optional amount (capture, refund): positive and within the maximum when given.</summary>
    public static ProblemHttpResult? Amount(long? amount) => amount is <= 0 || amount > Amounts.MaxMinorUnits
        ? Problems.Invalid($"amount must be a positive integer in minor units, at most {Amounts.MaxMinorUnits}.", "invalid_amount")
        : null;

    public static ProblemHttpResult? Refund(CreateRefundRequest? body)
    {
        if (Amount(body?.Amount) is { } invalid)
        {
            return invalid;
        }

        return body?.Reason is { } reason && !RefundReasons.Contains(reason)
            ? Problems.Invalid("reason must be duplicate, fraudulent or requested_by_customer.")
            : null;
    }

    public static (MoneyAmount? Amount, ProblemHttpResult? Error) TokenCharge(ChargeTokenRequest body, TenantSettings tenant)
    {
        var amount = Amounts.Validate(body.Amount, body.Currency, allowZero: false);
        if (!amount.IsValid)
        {
            return (null, Problems.Invalid(amount.Detail!, amount.ErrorCode!));
        }

        if (!tenant.Currencies.Contains(body.Currency!))
        {
            return (null, Problems.Invalid($"currency {body.Currency} is not enabled for this tenant.", "invalid_currency"));
        }

        if ((body.Description?.Length ?? 0) > 1000 || (body.Reference?.Length ?? 0) > 255)
        {
            return (null, Problems.Invalid("description (1000) or reference (255 characters) is too long."));
        }

        return CardNumberScanner.ContainsCardNumber(body.Description) || CardNumberScanner.ContainsCardNumber(body.Reference)
            ? (null, Problems.Invalid("description and reference must not contain card numbers.", "card_data_in_text"))
            : (amount.Amount, null);
    }
}
