namespace PciCloud.Payments.Cards;

/// <summary>
/// Finds text that carries a card number: a run of 12-19 digits (spaces or dashes between digits
/// allowed) that passes Luhn and has a brand's IIN and length. Used to refuse free-text fields
/// (description, reference) an agent might paste a card number into, so it never reaches a
/// gateway's metadata.
/// </summary>
public static class CardNumberScanner
{
    public static bool ContainsCardNumber(ReadOnlySpan<char> text)
    {
        Span<char> run = stackalloc char[CardBrandRules.MaxLength + 1];
        var count = 0;
        var found = false;
        for (var i = 0; i <= text.Length && !found; i++)
        {
            var c = i < text.Length ? text[i] : '\0';
            if (char.IsAsciiDigit(c))
            {
                run[Math.Min(count, run.Length - 1)] = c;
                count++;
            }
            else if (c is not (' ' or '-') || count == 0)
            {
                found = count <= CardBrandRules.MaxLength && IsCardNumber(run[..Math.Min(count, run.Length)]);
                count = 0;
            }
        }

        run.Clear();
        return found;
    }

    private static bool IsCardNumber(ReadOnlySpan<char> digits)
    {
        if (digits.Length < CardBrandRules.MinLength || !Luhn.IsValid(digits))
        {
            return false;
        }

        var brand = CardBrandRules.Detect(digits);
        return brand != CardBrand.Unknown && CardBrandRules.IsAllowedLength(brand, digits.Length);
    }
}
