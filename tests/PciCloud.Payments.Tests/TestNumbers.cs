using PciCloud.Payments.Cards;

namespace PciCloud.Payments.Tests;

internal static class TestNumbers
{
    /// <summary>A Luhn-valid number of <paramref name="length"/> digits starting with <paramref name="prefix"/>.</summary>
    public static string Make(string prefix, int length)
    {
        var payload = prefix.PadRight(length - 1, '0');
        return payload + Luhn.ComputeCheckDigit(payload);
    }

    /// <summary>The same number with a wrong check digit.</summary>
    public static string BreakLuhn(string number) =>
        number[..^1] + (char)('0' + ((number[^1] - '0' + 1) % 10));
}
