using CsCheck;
using PciCloud.Payments.Cards;

namespace PciCloud.Payments.Tests.Cards;

public sealed class LuhnTests
{
    [Theory]
    [InlineData("4242424242424242", true)]
    [InlineData("4242424242424241", false)]
    [InlineData("378282246310005", true)]
    [InlineData("79927398713", true)]
    [InlineData("79927398710", false)]
    [InlineData("0", true)]
    [InlineData("", false)]
    [InlineData("4242 4242", false)]
    [InlineData("42a2", false)]
    public void IsValid_KnownValues(string digits, bool expected) => Assert.Equal(expected, Luhn.IsValid(digits));

    [Fact]
    public void ComputeCheckDigit_AlwaysMakesAValidNumber() =>
        Gen.Char['0', '9'].Array[1, 18].Sample(payload =>
        {
            var number = new string(payload) + Luhn.ComputeCheckDigit(payload);
            Assert.True(Luhn.IsValid(number));
        });

    [Fact]
    public void IsValid_DetectsEverySingleDigitChange() =>
        Gen.Select(Gen.Char['0', '9'].Array[11, 18], Gen.Int[0, 18], Gen.Int[1, 9]).Sample((payload, position, delta) =>
        {
            var number = (new string(payload) + Luhn.ComputeCheckDigit(payload)).ToCharArray();
            var i = position % number.Length;
            number[i] = (char)('0' + ((number[i] - '0' + delta) % 10));
            Assert.False(Luhn.IsValid(number));
        });

    [Fact]
    public void IsValid_MatchesAReferenceImplementation_OnRandomNumbers() =>
        Gen.Char['0', '9'].Array[1, 19].Sample(digits =>
        {
            var sum = 0;
            for (var i = 0; i < digits.Length; i++)
            {
                var d = digits[digits.Length - 1 - i] - '0';
                sum += i % 2 == 1 ? (d * 2 / 10) + (d * 2 % 10) : d;
            }

            Assert.Equal(sum % 10 == 0, Luhn.IsValid(digits));
        });
}
