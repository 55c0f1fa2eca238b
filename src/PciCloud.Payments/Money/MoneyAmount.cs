namespace PciCloud.Payments.Money;

/// <summary>An amount in minor units of a currency (1999 GBP = £19.99; 1999 JPY = ¥1999).</summary>
public readonly record struct MoneyAmount(long MinorUnits, Currency Currency)
{
    /// <summary>The amount in major units, for display only (never for arithmetic).</summary>
    public decimal ToMajorUnits() => MinorUnits / (decimal)Math.Pow(10, Currency.Exponent);

    public override string ToString() => $"{MinorUnits} {Currency.Code} (minor units)";
}
