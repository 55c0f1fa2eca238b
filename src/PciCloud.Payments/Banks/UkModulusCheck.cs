namespace PciCloud.Payments.Banks;

/// <summary>
/// The UK sort code + account number check of Vocalink's "Validating account numbers" specification:
/// the 14 digits (sort code u-z, account a-h) times the weights of the sort code's range, then
/// MOD10 / MOD11 (sum divisible by 10 / 11) or DBLAL (sum of the digits of each product divisible
/// by 10). A sort code outside every range cannot be checked offline and passes (the
/// specification's rule). Exceptions (the table's exception column) are not implemented: see
/// docs/BANK-PAYMENTS.md for what the table holds and why.
/// </summary>
public static class UkModulusCheck
{
    public static bool Passes(ReadOnlySpan<char> sortCode, ReadOnlySpan<char> accountNumber)
    {
        if (sortCode.Length != 6 || accountNumber.Length != 8)
        {
            return false;
        }

        Span<int> digits = stackalloc int[14];
        for (var i = 0; i < 14; i++)
        {
            var c = i < 6 ? sortCode[i] : accountNumber[i - 6];
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }

            digits[i] = c - '0';
        }

        var code = int.Parse(sortCode, System.Globalization.CultureInfo.InvariantCulture);
        foreach (var row in UkModulusWeights.Rows)
        {
            if (code < row.From || code > row.To)
            {
                continue;
            }

            if (!Check(row, digits))
            {
                return false;
            }
        }

        return true; // every row of the sort code passed, or no row covers it (cannot be checked offline: it passes)
    }

    private static bool Check(UkModulusWeights.Row row, ReadOnlySpan<int> digits)
    {
        var sum = 0;
        for (var i = 0; i < 14; i++)
        {
            var product = digits[i] * row.Weights[i];
            sum += row.Method == UkModulusWeights.Dblal ? (product / 10) + (product % 10) : product;
        }

        return row.Method == UkModulusWeights.Mod11 ? sum % 11 == 0 : sum % 10 == 0;
    }
}
