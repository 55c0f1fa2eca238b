using PciCloud.Payments.Money;

namespace PciCloud.Payments.Tests.Money;

public sealed class AmountRulesTests
{
    [Theory]
    [InlineData("GBP", 2)]
    [InlineData("USD", 2)]
    [InlineData("AUD", 2)]
    [InlineData("EUR", 2)]
    [InlineData("JPY", 0)]
    [InlineData("KRW", 0)]
    [InlineData("BHD", 3)]
    [InlineData("KWD", 3)]
    [InlineData("CLF", 4)]
    [InlineData("gbp", 2)]
    public void Currency_Exponents(string code, int exponent)
    {
        Assert.True(Currency.TryParse(code, out var currency));
        Assert.Equal(exponent, currency.Exponent);
        Assert.Equal(code.ToUpperInvariant(), currency.Code);
    }

    [Theory]
    [InlineData("XXX")]
    [InlineData("GB")]
    [InlineData("GBPP")]
    [InlineData("")]
    [InlineData(null)]
    public void Currency_Unknown(string? code) => Assert.False(Currency.TryParse(code, out _));

    [Theory]
    [InlineData(1999L, "GBP", false, null)]
    [InlineData(1L, "JPY", false, null)]
    [InlineData(0L, "GBP", false, AmountErrorCodes.InvalidAmount)]
    [InlineData(0L, "GBP", true, null)]
    [InlineData(-1L, "GBP", false, AmountErrorCodes.InvalidAmount)]
    [InlineData(-1L, "GBP", true, AmountErrorCodes.InvalidAmount)]
    [InlineData(99_999_999L, "USD", false, null)]
    [InlineData(100_000_000L, "USD", false, AmountErrorCodes.InvalidAmount)]
    [InlineData(100L, "ZZZ", false, AmountErrorCodes.InvalidCurrency)]
    [InlineData(100L, null, false, AmountErrorCodes.InvalidCurrency)]
    [InlineData(null, "GBP", false, AmountErrorCodes.InvalidAmount)]
    [InlineData(null, null, true, null)]
    public void Validate(long? amount, string? currency, bool allowZero, string? error)
    {
        var result = new AmountRules().Validate(amount, currency, allowZero);

        Assert.Equal(error, result.ErrorCode);
        Assert.Equal(error is null, result.IsValid);
        if (error is null && amount is > 0)
        {
            Assert.Equal(amount, result.Amount!.Value.MinorUnits);
        }
    }

    [Fact]
    public void Validate_PerCurrencyMaximum()
    {
        var rules = new AmountRules { MaxMinorUnits = 1000, MaxMinorUnitsByCurrency = new Dictionary<string, long> { ["JPY"] = 50 } };

        Assert.True(rules.Validate(1000, "GBP", false).IsValid);
        Assert.False(rules.Validate(1001, "GBP", false).IsValid);
        Assert.True(rules.Validate(50, "JPY", false).IsValid);
        Assert.False(rules.Validate(51, "JPY", false).IsValid);
    }

    [Fact]
    public void MoneyAmount_ToMajorUnits() =>
        Assert.Equal(1.999m, new MoneyAmount(1999, Currency.Parse("BHD")).ToMajorUnits());
}
