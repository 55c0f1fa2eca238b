using CsCheck;
using PciCloud.Payments.Cards;

namespace PciCloud.Payments.Tests.Cards;

public sealed class CardBrandRulesTests
{
    [Theory]
    // Visa
    [InlineData("4", CardBrand.Visa)]
    // Mastercard 51-55 and 2221-2720, with both neighbours of each edge
    [InlineData("50", CardBrand.Unknown)]
    [InlineData("51", CardBrand.Mastercard)]
    [InlineData("55", CardBrand.Mastercard)]
    [InlineData("56", CardBrand.Unknown)]
    [InlineData("2220", CardBrand.Unknown)]
    [InlineData("2221", CardBrand.Mastercard)]
    [InlineData("2720", CardBrand.Mastercard)]
    [InlineData("2721", CardBrand.Unknown)]
    // American Express
    [InlineData("33", CardBrand.Unknown)]
    [InlineData("34", CardBrand.Amex)]
    [InlineData("35", CardBrand.Unknown)]
    [InlineData("37", CardBrand.Amex)]
    // Diners Club 300-305, 3095, 36, 38-39
    [InlineData("299", CardBrand.Unknown)]
    [InlineData("300", CardBrand.DinersClub)]
    [InlineData("305", CardBrand.DinersClub)]
    [InlineData("306", CardBrand.Unknown)]
    [InlineData("3094", CardBrand.Unknown)]
    [InlineData("3095", CardBrand.DinersClub)]
    [InlineData("3096", CardBrand.Unknown)]
    [InlineData("36", CardBrand.DinersClub)]
    [InlineData("38", CardBrand.DinersClub)]
    [InlineData("39", CardBrand.DinersClub)]
    // JCB 3528-3589
    [InlineData("3527", CardBrand.Unknown)]
    [InlineData("3528", CardBrand.Jcb)]
    [InlineData("3589", CardBrand.Jcb)]
    [InlineData("3590", CardBrand.Unknown)]
    // Discover 6011, 644-649, 65
    [InlineData("6010", CardBrand.Unknown)]
    [InlineData("6011", CardBrand.Discover)]
    [InlineData("6012", CardBrand.Unknown)]
    [InlineData("643", CardBrand.Unknown)]
    [InlineData("644", CardBrand.Discover)]
    [InlineData("649", CardBrand.Discover)]
    [InlineData("65", CardBrand.Discover)]
    [InlineData("66", CardBrand.Unknown)]
    // UnionPay 62
    [InlineData("61", CardBrand.Unknown)]
    [InlineData("62", CardBrand.UnionPay)]
    [InlineData("63", CardBrand.Unknown)]
    // Maestro
    [InlineData("5017", CardBrand.Unknown)]
    [InlineData("5018", CardBrand.Maestro)]
    [InlineData("5019", CardBrand.Unknown)]
    [InlineData("5020", CardBrand.Maestro)]
    [InlineData("5038", CardBrand.Maestro)]
    [InlineData("5893", CardBrand.Maestro)]
    [InlineData("6304", CardBrand.Maestro)]
    [InlineData("6759", CardBrand.Maestro)]
    [InlineData("6760", CardBrand.Unknown)]
    [InlineData("6761", CardBrand.Maestro)]
    [InlineData("6763", CardBrand.Maestro)]
    [InlineData("6764", CardBrand.Unknown)]
    // Nothing
    [InlineData("1", CardBrand.Unknown)]
    [InlineData("9", CardBrand.Unknown)]
    public void Detect_RangeEdges(string prefix, CardBrand expected) =>
        Assert.Equal(expected, CardBrandRules.Detect(TestNumbers.Make(prefix, 16)));

    [Theory]
    [InlineData(CardBrand.Visa, new[] { 13, 16, 19 })]
    [InlineData(CardBrand.Mastercard, new[] { 16 })]
    [InlineData(CardBrand.Amex, new[] { 15 })]
    [InlineData(CardBrand.DinersClub, new[] { 14, 15, 16, 17, 18, 19 })]
    [InlineData(CardBrand.Discover, new[] { 16, 17, 18, 19 })]
    [InlineData(CardBrand.Jcb, new[] { 16, 17, 18, 19 })]
    [InlineData(CardBrand.UnionPay, new[] { 16, 17, 18, 19 })]
    [InlineData(CardBrand.Maestro, new[] { 12, 13, 14, 15, 16, 17, 18, 19 })]
    [InlineData(CardBrand.Unknown, new int[0])]
    public void IsAllowedLength_ExactlyTheBrandsLengths(CardBrand brand, int[] allowed)
    {
        for (var length = 0; length <= 25; length++)
        {
            Assert.Equal(allowed.Contains(length), CardBrandRules.IsAllowedLength(brand, length));
        }
    }

    [Theory]
    [InlineData(CardBrand.Amex, 4)]
    [InlineData(CardBrand.Visa, 3)]
    [InlineData(CardBrand.Mastercard, 3)]
    [InlineData(CardBrand.Discover, 3)]
    [InlineData(CardBrand.DinersClub, 3)]
    [InlineData(CardBrand.Jcb, 3)]
    [InlineData(CardBrand.UnionPay, 3)]
    [InlineData(CardBrand.Maestro, 3)]
    public void SecurityCodeLength_ByBrand(CardBrand brand, int length) =>
        Assert.Equal(length, CardBrandRules.SecurityCodeLength(brand));

    [Fact]
    public void Detect_EveryTwoDigitMastercardPrefixAndEveryTwoSeriesPrefix()
    {
        for (var p = 2000; p <= 2999; p++)
        {
            var expected = p is >= 2221 and <= 2720 ? CardBrand.Mastercard : CardBrand.Unknown;
            Assert.Equal(expected, CardBrandRules.Detect(TestNumbers.Make(p.ToString(System.Globalization.CultureInfo.InvariantCulture), 16)));
        }
    }

    [Fact]
    public void Detect_NeverThrows_OnRandomDigits() =>
        Gen.Char['0', '9'].Array[0, 19].Sample(digits => Enum.IsDefined(CardBrandRules.Detect(digits)));

    [Theory]
    [InlineData("4242424242424242", CardBrand.Visa)]
    [InlineData("5555555555554444", CardBrand.Mastercard)]
    [InlineData("2223003122003222", CardBrand.Mastercard)]
    [InlineData("378282246310005", CardBrand.Amex)]
    [InlineData("371449635398431", CardBrand.Amex)]
    [InlineData("6011111111111117", CardBrand.Discover)]
    [InlineData("3056930009020004", CardBrand.DinersClub)]
    [InlineData("36227206271667", CardBrand.DinersClub)]
    [InlineData("3566002020360505", CardBrand.Jcb)]
    [InlineData("6200000000000005", CardBrand.UnionPay)]
    public void Detect_StripeTestCards(string number, CardBrand brand) => Assert.Equal(brand, CardBrandRules.Detect(number));
}
