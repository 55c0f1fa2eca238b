namespace PciCloud.Payments.Gateways.Sandbox;

/// <summary>
/// Bank accounts the sandbox declines, after Stripe's published test accounts for each scheme. Any
/// other account that passes the session's checks is approved. Numbers that fail validation (a
/// wrong modulus or ABA check digit, a wrong length) never reach a gateway: the session refuses them.
/// </summary>
public static class SandboxTestBankAccounts
{
    /// <summary>UK: sort code 089999 with account 66374958 passes the modulus check and is approved.</summary>
    public const string UkSortCode = "089999";
    public const string UkApproved = "66374958";

    /// <summary>UK accounts on a sort code the offline table does not cover (200000): debits declined.</summary>
    public const string UkUncheckedSortCode = "200000";
    public const string UkInsufficientFunds = "55779911";
    public const string UkDeclined = "00012345";

    /// <summary>US: Stripe's test routing number; 000123456789 is approved, 000111111116 insufficient funds, 000222222227 declined.</summary>
    public const string UsRouting = "110000000";
    public const string UsApproved = "000123456789";
    public const string UsInsufficientFunds = "000111111116";
    public const string UsDeclined = "000222222227";

    /// <summary>AU: Stripe's test BSB 000000; 000123456 is approved, 900123456 declined, 111111113 insufficient funds.</summary>
    public const string AuBsb = "000000";
    public const string AuApproved = "000123456";
    public const string AuDeclined = "900123456";
    public const string AuInsufficientFunds = "111111113";

    /// <summary>The decline code a debit of this account gets, or null when it is approved.</summary>
    public static string? DebitDecline(string accountNumber) => accountNumber switch
    {
        UkInsufficientFunds or UsInsufficientFunds or AuInsufficientFunds => DeclineCodes.InsufficientFunds,
        UkDeclined or UsDeclined or AuDeclined => DeclineCodes.CardDeclined,
        _ => null,
    };
}
