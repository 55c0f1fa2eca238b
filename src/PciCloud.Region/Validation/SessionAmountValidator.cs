using Microsoft.AspNetCore.Http.HttpResults;
using PciCloud.Contracts.Sessions;
using PciCloud.Contracts.Tenants;
using PciCloud.Payments.Money;
using PciCloud.Region.Http;

namespace PciCloud.Region.Validation;

/// <summary>
/// The one amount check of a payment session, for create and for PATCH alike (an agent's token may PATCH, so
/// anything create refuses must be refused there too): an upper-case ISO 4217 code the tenant has enabled, a
/// positive amount (zero or none only for tokenize) at most the maximum in that currency's minor units.
/// </summary>
public static class SessionAmountValidator
{
    private static readonly AmountRules Amounts = new();

    public static (MoneyAmount? Amount, ProblemHttpResult? Error) ForCreate(long? amount, string? currency, string intent, TenantSettings tenant) =>
        Validate(amount, currency, allowZero: intent == "tokenize", tenant);

    /// <summary>
    /// A PATCH, checked as the session would be after it. Changing the currency needs the amount too: minor units
    /// mean something else under another exponent (1999 is 19.99 USD but 1,999 JPY and 1.999 BHD).
    /// </summary>
    public static ProblemHttpResult? ForPatch(long? amount, string? currency, PaymentSessionView current, TenantSettings tenant)
    {
        if (amount is null && currency is null)
        {
            return null;
        }

        if (amount is null && currency != current.Currency)
        {
            return Problems.Invalid("A new currency needs the amount in its minor units: send amount with currency.", AmountErrorCodes.InvalidAmount);
        }

        return Validate(amount ?? current.Amount, currency ?? current.Currency, allowZero: current.Intent == "tokenize", tenant).Error;
    }

    private static (MoneyAmount? Amount, ProblemHttpResult? Error) Validate(long? amount, string? currency, bool allowZero, TenantSettings tenant)
    {
        if (currency is not null && !TenantRules.IsCurrency(currency))
        {
            return (null, Problems.Invalid("currency must be an upper-case ISO 4217 code such as GBP, USD or AUD.", AmountErrorCodes.InvalidCurrency));
        }

        var checkedAmount = Amounts.Validate(amount, currency, allowZero);
        if (!checkedAmount.IsValid)
        {
            return (null, Problems.Invalid(checkedAmount.Detail!, checkedAmount.ErrorCode!));
        }

        if (currency is not null && !tenant.Currencies.Contains(currency))
        {
            return (null, Problems.Invalid($"currency {currency} is not enabled for this tenant.", AmountErrorCodes.InvalidCurrency));
        }

        return (checkedAmount.Amount, null);
    }
}
