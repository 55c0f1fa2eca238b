using System.Text.RegularExpressions;

namespace PciCloud.AgentAssist.Tests;

/// <summary>
/// The card data the customer keyed, and the check that none of it shows up in what the page
/// shows or receives: not the number (whole, or its first 6 or 12 digits), not the expiry, not
/// the security code; the last four only once the number is complete and valid.
/// </summary>
public sealed partial class CardDigitGuard(string cardNumber, string expiry, string securityCode)
{
    public string Last4 => cardNumber[^4..];

    public void AssertClean(string where, string text, bool last4Allowed)
    {
        Assert.DoesNotContain(cardNumber, text, StringComparison.Ordinal);
        foreach (var secret in Secrets(last4Allowed))
        {
            // A digit run (not part of a longer token such as an id) equal to card data.
            var found = DigitRun().Matches(text).Select(m => m.Value).Where(v => v == secret).ToList();
            Assert.True(found.Count == 0, $"{where} contains card digits ({secret.Length} digits)");
        }
    }

    private IEnumerable<string> Secrets(bool last4Allowed)
    {
        yield return cardNumber[..6];
        yield return cardNumber[..12];
        yield return cardNumber[..^4];
        yield return expiry;
        yield return expiry[..2] + "/" + expiry[2..];
        yield return securityCode;
        if (!last4Allowed)
        {
            yield return Last4;
        }
    }

    // Runs of digits (and a slash, for MM/YY) that are not glued to letters, digits or '_'.
    [GeneratedRegex(@"(?<![0-9A-Za-z_\-])[0-9]+(?:/[0-9]+)?(?![0-9A-Za-z_\-])")]
    private static partial Regex DigitRun();
}
