namespace PciCloud.Payments.Banks;

/// <summary>The ABA routing transit number check: 9 digits, weights 3 7 1 repeated, sum divisible by 10.</summary>
public static class AbaRoutingNumber
{
    private static readonly int[] Weights = [3, 7, 1, 3, 7, 1, 3, 7, 1];

    public static bool IsValid(ReadOnlySpan<char> digits)
    {
        if (digits.Length != 9)
        {
            return false;
        }

        var sum = 0;
        for (var i = 0; i < 9; i++)
        {
            if (!char.IsAsciiDigit(digits[i]))
            {
                return false;
            }

            sum += (digits[i] - '0') * Weights[i];
        }

        return sum % 10 == 0 && !digits.SequenceEqual("000000000");
    }
}
