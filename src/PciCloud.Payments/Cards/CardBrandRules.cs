namespace PciCloud.Payments.Cards;

/// <summary>
/// Brand by IIN (issuer identification number) range, with each brand's allowed and usual
/// lengths and security-code length. Ranges follow the schemes' published tables (as summarised
/// by Stripe and by Wikipedia's "Payment card number" table); more specific ranges come first.
/// </summary>
public static class CardBrandRules
{
    /// <summary>The shortest and longest card numbers any brand issues.</summary>
    public const int MinLength = 12;
    public const int MaxLength = 19;

    private readonly record struct IinRange(int Low, int High, int PrefixLength, CardBrand Brand);

    private static readonly IinRange[] Ranges =
    [
        new(34, 34, 2, CardBrand.Amex),
        new(37, 37, 2, CardBrand.Amex),
        new(300, 305, 3, CardBrand.DinersClub),
        new(3095, 3095, 4, CardBrand.DinersClub),
        new(36, 36, 2, CardBrand.DinersClub),
        new(38, 39, 2, CardBrand.DinersClub),
        new(3528, 3589, 4, CardBrand.Jcb),
        new(4, 4, 1, CardBrand.Visa),
        new(51, 55, 2, CardBrand.Mastercard),
        new(2221, 2720, 4, CardBrand.Mastercard),
        new(5018, 5018, 4, CardBrand.Maestro),
        new(5020, 5020, 4, CardBrand.Maestro),
        new(5038, 5038, 4, CardBrand.Maestro),
        new(5893, 5893, 4, CardBrand.Maestro),
        new(6304, 6304, 4, CardBrand.Maestro),
        new(6759, 6759, 4, CardBrand.Maestro),
        new(6761, 6763, 4, CardBrand.Maestro),
        new(6011, 6011, 4, CardBrand.Discover),
        new(644, 649, 3, CardBrand.Discover),
        new(65, 65, 2, CardBrand.Discover),
        new(62, 62, 2, CardBrand.UnionPay),
    ];

    /// <summary>The brand whose IIN range <paramref name="digits"/> starts with; Unknown when none (or too few digits).</summary>
    public static CardBrand Detect(ReadOnlySpan<char> digits)
    {
        foreach (var range in Ranges)
        {
            if (digits.Length < range.PrefixLength)
            {
                continue;
            }

            var prefix = 0;
            for (var i = 0; i < range.PrefixLength; i++)
            {
                var d = digits[i] - '0';
                if ((uint)d > 9)
                {
                    return CardBrand.Unknown;
                }

                prefix = (prefix * 10) + d;
            }

            if (prefix >= range.Low && prefix <= range.High)
            {
                return range.Brand;
            }
        }

        return CardBrand.Unknown;
    }

    /// <summary>True when the brand issues numbers of this length.</summary>
    public static bool IsAllowedLength(CardBrand brand, int length) => brand switch
    {
        CardBrand.Visa => length is 13 or 16 or 19,
        CardBrand.Mastercard => length == 16,
        CardBrand.Amex => length == 15,
        CardBrand.DinersClub => length is >= 14 and <= 19,
        CardBrand.Discover or CardBrand.Jcb or CardBrand.UnionPay => length is >= 16 and <= 19,
        CardBrand.Maestro => length is >= 12 and <= 19,
        _ => false,
    };

    /// <summary>The length at which a number of this brand completes by itself (API.md); other lengths need '#'.</summary>
    public static int UsualLength(CardBrand brand) => brand switch
    {
        CardBrand.Amex => 15,
        CardBrand.DinersClub => 14,
        CardBrand.Unknown => 0,
        _ => 16,
    };

    /// <summary>The longest number the brand issues (the field completes there whatever its content).</summary>
    public static int LongestLength(CardBrand brand) => brand switch
    {
        CardBrand.Amex => 15,
        CardBrand.Mastercard => 16,
        _ => MaxLength,
    };

    /// <summary>Security code length: 4 for American Express (CID), 3 for every other brand.</summary>
    public static int SecurityCodeLength(CardBrand brand) => brand == CardBrand.Amex ? 4 : 3;
}
