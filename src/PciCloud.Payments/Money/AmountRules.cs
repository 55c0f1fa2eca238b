namespace PciCloud.Payments.Money;

/// <summary>
/// Amount rules: minor units, never negative, zero (or none) only when nothing is charged
/// (tokenize), at most a configurable maximum (default 99,999,999 minor units, Stripe's limit).
/// </summary>
public sealed record AmountRules
{
    public long MaxMinorUnits { get; init; } = 99_999_999;

    /// <summary>Per-currency maxima in minor units (e.g. a lower one for JPY); keys are ISO codes.</summary>
    public IReadOnlyDictionary<string, long> MaxMinorUnitsByCurrency { get; init; } = new Dictionary<string, long>();

    /// <param name="amount">Minor units, or null when the request gave none.</param>
    /// <param name="currency">ISO 4217 code, or null when the request gave none.</param>
    /// <param name="allowZero">True for intents that charge nothing now (tokenize).</param>
    public AmountValidation Validate(long? amount, string? currency, bool allowZero)
    {
        if (allowZero && (amount ?? 0) == 0 && currency is null)
        {
            return AmountValidation.Valid(null);
        }

        if (!Currency.TryParse(currency, out var parsed))
        {
            return AmountValidation.Invalid(AmountErrorCodes.InvalidCurrency, "currency must be an ISO 4217 code such as GBP, USD or AUD.");
        }

        if (amount is not { } value)
        {
            return AmountValidation.Invalid(AmountErrorCodes.InvalidAmount, "amount is required, in minor units.");
        }

        if (value < 0 || (value == 0 && !allowZero))
        {
            return AmountValidation.Invalid(AmountErrorCodes.InvalidAmount, "amount must be a positive integer in minor units.");
        }

        var max = MaxMinorUnitsByCurrency.TryGetValue(parsed.Code, out var perCurrency) ? perCurrency : MaxMinorUnits;
        if (value > max)
        {
            return AmountValidation.Invalid(AmountErrorCodes.InvalidAmount, $"amount must be at most {max} minor units of {parsed.Code}.");
        }

        return AmountValidation.Valid(new MoneyAmount(value, parsed));
    }
}
