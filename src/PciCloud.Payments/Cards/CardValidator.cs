namespace PciCloud.Payments.Cards;

/// <summary>
/// Field-by-field card validation. Each method returns null when the value is valid, else a
/// stable code from <see cref="CardErrorCodes"/>. Pure apart from the injected clock.
/// </summary>
public sealed class CardValidator(CardValidationOptions options, TimeProvider time)
{
    public CardValidationOptions Options { get; } = options;

    /// <summary>Luhn, brand by IIN, the brand's lengths, then the tenant's accepted brands.</summary>
    public string? ValidateNumber(ReadOnlySpan<char> digits, out CardBrand brand)
    {
        brand = CardBrand.Unknown;
        if (digits.Length is < CardBrandRules.MinLength or > CardBrandRules.MaxLength || !Luhn.IsValid(digits))
        {
            return CardErrorCodes.InvalidCardNumber;
        }

        var detected = CardBrandRules.Detect(digits);
        if (detected == CardBrand.Unknown || !CardBrandRules.IsAllowedLength(detected, digits.Length))
        {
            return CardErrorCodes.InvalidCardNumber;
        }

        brand = detected;
        return Options.Accepts(detected) ? null : CardErrorCodes.CardTypeNotAccepted;
    }

    /// <summary>MMYY; a card is valid through the last day of its expiry month (UTC).</summary>
    public string? ValidateExpiry(ReadOnlySpan<char> mmyy)
    {
        if (mmyy.Length != 4 || !char.IsAsciiDigit(mmyy[0]) || !char.IsAsciiDigit(mmyy[1]) || !char.IsAsciiDigit(mmyy[2]) || !char.IsAsciiDigit(mmyy[3]))
        {
            return CardErrorCodes.InvalidExpiry;
        }

        var month = ((mmyy[0] - '0') * 10) + (mmyy[1] - '0');
        if (month is < 1 or > 12)
        {
            return CardErrorCodes.InvalidExpiry;
        }

        var now = time.GetUtcNow();
        var year = (now.Year / 100 * 100) + ((mmyy[2] - '0') * 10) + (mmyy[3] - '0');
        if (year < now.Year - 50)
        {
            year += 100; // a century boundary lies between now and the expiry
        }

        var expiryIndex = (year * 12) + month;
        var nowIndex = (now.Year * 12) + now.Month;
        if (expiryIndex < nowIndex)
        {
            return CardErrorCodes.ExpiredCard;
        }

        return expiryIndex > nowIndex + (Options.MaxExpiryYearsAhead * 12) ? CardErrorCodes.InvalidExpiry : null;
    }

    /// <summary>Digits only, 4 for Amex and 3 for other brands; 3 or 4 while the brand is not known yet.</summary>
    public static string? ValidateSecurityCode(ReadOnlySpan<char> code, CardBrand brand)
    {
        foreach (var c in code)
        {
            if (!char.IsAsciiDigit(c))
            {
                return CardErrorCodes.InvalidSecurityCode;
            }
        }

        var ok = brand == CardBrand.Unknown
            ? code.Length is 3 or 4
            : code.Length == CardBrandRules.SecurityCodeLength(brand);
        return ok ? null : CardErrorCodes.InvalidSecurityCode;
    }

    public string? ValidatePostalCode(ReadOnlySpan<char> value) =>
        PostalCodeRules.IsValid(Options.PostalRegion, value) ? null : CardErrorCodes.InvalidPostalCode;
}
