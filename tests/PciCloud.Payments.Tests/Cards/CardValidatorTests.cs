using PciCloud.Payments.Cards;

namespace PciCloud.Payments.Tests.Cards;

public sealed class CardValidatorTests
{
    private static CardValidator Validator(CardValidationOptions? options = null) => new(options ?? new(), SessionFactory.Clock());

    [Theory]
    [InlineData("4242424242424242", null, CardBrand.Visa)]
    [InlineData("4222222222222", null, CardBrand.Visa)]
    [InlineData("378282246310005", null, CardBrand.Amex)]
    [InlineData("4242424242424241", CardErrorCodes.InvalidCardNumber, CardBrand.Unknown)]
    [InlineData("37828224631000", CardErrorCodes.InvalidCardNumber, CardBrand.Unknown)]
    [InlineData("12345678903", CardErrorCodes.InvalidCardNumber, CardBrand.Unknown)]
    [InlineData("", CardErrorCodes.InvalidCardNumber, CardBrand.Unknown)]
    public void ValidateNumber(string number, string? error, CardBrand brand)
    {
        Assert.Equal(error, Validator().ValidateNumber(number, out var detected));
        Assert.Equal(brand, detected);
    }

    [Fact]
    public void ValidateNumber_LuhnValidButUnknownRange_IsInvalid() =>
        Assert.Equal(CardErrorCodes.InvalidCardNumber, Validator().ValidateNumber(TestNumbers.Make("9", 16), out _));

    [Fact]
    public void ValidateNumber_LuhnValidButWrongLengthForBrand_IsInvalid()
    {
        Assert.Equal(CardErrorCodes.InvalidCardNumber, Validator().ValidateNumber(TestNumbers.Make("51", 15), out _));
        Assert.Equal(CardErrorCodes.InvalidCardNumber, Validator().ValidateNumber(TestNumbers.Make("4", 14), out _));
        Assert.Equal(CardErrorCodes.InvalidCardNumber, Validator().ValidateNumber(TestNumbers.Make("34", 16), out _));
    }

    [Fact]
    public void ValidateNumber_BrandNotAccepted()
    {
        var validator = Validator(new CardValidationOptions { AcceptedBrands = [CardBrand.Visa, CardBrand.Mastercard] });

        Assert.Null(validator.ValidateNumber("5555555555554444", out _));
        Assert.Equal(CardErrorCodes.CardTypeNotAccepted, validator.ValidateNumber("378282246310005", out var brand));
        Assert.Equal(CardBrand.Amex, brand);
    }

    [Theory]
    [InlineData("0626", null)]          // this month (clock: 2026-06-15) is still valid
    [InlineData("0526", CardErrorCodes.ExpiredCard)]
    [InlineData("1225", CardErrorCodes.ExpiredCard)]
    [InlineData("0127", null)]
    [InlineData("0646", null)]          // exactly 20 years ahead
    [InlineData("0746", CardErrorCodes.InvalidExpiry)]
    [InlineData("0099", CardErrorCodes.InvalidExpiry)]
    [InlineData("0028", CardErrorCodes.InvalidExpiry)]
    [InlineData("1328", CardErrorCodes.InvalidExpiry)]
    [InlineData("123", CardErrorCodes.InvalidExpiry)]
    [InlineData("12a8", CardErrorCodes.InvalidExpiry)]
    public void ValidateExpiry(string mmyy, string? error) => Assert.Equal(error, Validator().ValidateExpiry(mmyy));

    [Theory]
    [InlineData("123", CardBrand.Visa, null)]
    [InlineData("1234", CardBrand.Visa, CardErrorCodes.InvalidSecurityCode)]
    [InlineData("1234", CardBrand.Amex, null)]
    [InlineData("123", CardBrand.Amex, CardErrorCodes.InvalidSecurityCode)]
    [InlineData("12", CardBrand.Unknown, CardErrorCodes.InvalidSecurityCode)]
    [InlineData("123", CardBrand.Unknown, null)]
    [InlineData("1234", CardBrand.Unknown, null)]
    [InlineData("12a", CardBrand.Visa, CardErrorCodes.InvalidSecurityCode)]
    public void ValidateSecurityCode(string code, CardBrand brand, string? error) =>
        Assert.Equal(error, CardValidator.ValidateSecurityCode(code, brand));

    [Theory]
    [InlineData(PostalCodeRegion.Us, "94103", true)]
    [InlineData(PostalCodeRegion.Us, "941031234", true)]
    [InlineData(PostalCodeRegion.Us, "94103-1234", true)]
    [InlineData(PostalCodeRegion.Us, "9410", false)]
    [InlineData(PostalCodeRegion.Us, "9410312", false)]
    [InlineData(PostalCodeRegion.Us, "9410a", false)]
    [InlineData(PostalCodeRegion.Au, "2000", true)]
    [InlineData(PostalCodeRegion.Au, "20000", false)]
    [InlineData(PostalCodeRegion.Au, "200", false)]
    [InlineData(PostalCodeRegion.Uk, "SW1A 1AA", true)]
    [InlineData(PostalCodeRegion.Uk, "sw1a1aa", true)]
    [InlineData(PostalCodeRegion.Uk, "M1 1AE", true)]
    [InlineData(PostalCodeRegion.Uk, "B33 8TH", true)]
    [InlineData(PostalCodeRegion.Uk, "CR2 6XH", true)]
    [InlineData(PostalCodeRegion.Uk, "DN55 1PT", true)]
    [InlineData(PostalCodeRegion.Uk, "W1A 0AX", true)]
    [InlineData(PostalCodeRegion.Uk, "12345", false)]
    [InlineData(PostalCodeRegion.Uk, "SW1A 1A", false)]
    [InlineData(PostalCodeRegion.Uk, "SW1A-1AA", false)]
    [InlineData(PostalCodeRegion.Uk, "", false)]
    public void ValidatePostalCode(PostalCodeRegion region, string value, bool valid) =>
        Assert.Equal(valid ? null : CardErrorCodes.InvalidPostalCode, Validator(new CardValidationOptions { PostalRegion = region }).ValidatePostalCode(value));

    [Theory]
    [InlineData("Order 4242 4242 4242 4242 for Jane", true)]
    [InlineData("card 4242-4242-4242-4242", true)]
    [InlineData("4242424242424242", true)]
    [InlineData("Order 12345", false)]
    [InlineData("4242424242424241", false)]
    [InlineData("Invoice 2026-06-15 12:00", false)]
    [InlineData("", false)]
    public void CardNumberScanner_FindsCardNumbersInText(string text, bool expected) =>
        Assert.Equal(expected, CardNumberScanner.ContainsCardNumber(text));
}
