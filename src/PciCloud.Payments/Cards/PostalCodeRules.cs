namespace PciCloud.Payments.Cards;

/// <summary>
/// Postal codes per region. US ZIP: 5 digits or ZIP+4 (9 digits, hyphen optional). AU: 4 digits.
/// UK postcodes contain letters, so they are not keyable: the agent types them (they are not card data).
/// </summary>
public static class PostalCodeRules
{
    /// <summary>True when customers can key the postal code on a phone keypad (digits only).</summary>
    public static bool IsKeyable(PostalCodeRegion region) => region != PostalCodeRegion.Uk;

    /// <summary>The length at which a keyed postal code completes by itself (0 = only on '#').</summary>
    public static int KeyedLength(PostalCodeRegion region) => region switch
    {
        PostalCodeRegion.Us => 5,
        PostalCodeRegion.Au => 4,
        _ => 0,
    };

    /// <summary>The longest keyed postal code (ZIP+4 in the US).</summary>
    public static int MaxKeyedLength(PostalCodeRegion region) => region switch
    {
        PostalCodeRegion.Us => 9,
        PostalCodeRegion.Au => 4,
        _ => 0,
    };

    public static bool IsValid(PostalCodeRegion region, ReadOnlySpan<char> value) => region switch
    {
        PostalCodeRegion.Us => IsUsZip(value),
        PostalCodeRegion.Au => value.Length == 4 && AllDigits(value),
        PostalCodeRegion.Uk => IsUkPostcode(value),
        _ => false,
    };

    /// <summary>The canonical form kept for the gateway: ZIP without hyphen, UK upper-case with one space.</summary>
    public static string Normalize(PostalCodeRegion region, string value)
    {
        var trimmed = value.Trim();
        return region switch
        {
            PostalCodeRegion.Us => trimmed.Replace("-", "", StringComparison.Ordinal),
            PostalCodeRegion.Uk => NormalizeUk(trimmed),
            _ => trimmed,
        };
    }

    private static bool IsUsZip(ReadOnlySpan<char> value)
    {
        if (value.Length == 10 && value[5] == '-')
        {
            return AllDigits(value[..5]) && AllDigits(value[6..]);
        }

        return value.Length is 5 or 9 && AllDigits(value);
    }

    // Shape of a UK postcode: outward code (A9, A99, AA9, AA99, A9A, AA9A), optional space,
    // inward code (9AA). BS 7666 letter restrictions are left to the gateway's AVS check.
    private static bool IsUkPostcode(ReadOnlySpan<char> value)
    {
        Span<char> compact = stackalloc char[8];
        var n = 0;
        foreach (var c in value.Trim())
        {
            if (c == ' ')
            {
                continue;
            }

            if (n == compact.Length || !char.IsAsciiLetterOrDigit(c))
            {
                return false;
            }

            compact[n++] = char.ToUpperInvariant(c);
        }

        if (n is < 5 or > 7)
        {
            return false;
        }

        var inward = compact.Slice(n - 3, 3);
        if (!char.IsAsciiDigit(inward[0]) || !char.IsAsciiLetter(inward[1]) || !char.IsAsciiLetter(inward[2]))
        {
            return false;
        }

        var outward = compact[..(n - 3)];
        return outward switch
        {
            [var a, var b] => char.IsAsciiLetter(a) && char.IsAsciiDigit(b),
            [var a, var b, var c] => char.IsAsciiLetter(a) && (char.IsAsciiDigit(b) ? char.IsAsciiLetterOrDigit(c) : char.IsAsciiDigit(c)),
            [var a, var b, var c, var d] => char.IsAsciiLetter(a) && char.IsAsciiLetter(b) && char.IsAsciiDigit(c) && char.IsAsciiLetterOrDigit(d),
            _ => false,
        };
    }

    private static string NormalizeUk(string value)
    {
        var compact = value.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        return compact.Length < 5 ? compact : compact[..^3] + " " + compact[^3..];
    }

    private static bool AllDigits(ReadOnlySpan<char> value)
    {
        foreach (var c in value)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}
