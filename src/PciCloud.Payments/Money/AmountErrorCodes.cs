namespace PciCloud.Payments.Money;

/// <summary>Stable codes for amount rejections (API.md: 400 invalid_amount / invalid_currency).</summary>
public static class AmountErrorCodes
{
    public const string InvalidAmount = "invalid_amount";
    public const string InvalidCurrency = "invalid_currency";
}
