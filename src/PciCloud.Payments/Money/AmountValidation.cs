namespace PciCloud.Payments.Money;

/// <summary>The outcome of <see cref="AmountRules.Validate"/>: an amount (null for a tokenize without one) or an error.</summary>
public readonly record struct AmountValidation(bool IsValid, MoneyAmount? Amount, string? ErrorCode, string? Detail)
{
    public static AmountValidation Valid(MoneyAmount? amount) => new(true, amount, null, null);

    public static AmountValidation Invalid(string code, string detail) => new(false, null, code, detail);
}
