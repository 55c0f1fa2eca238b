using PciCloud.Payments.Banks;
using PciCloud.Payments.Cards;

namespace PciCloud.Payments.Sessions;

/// <summary>Bank sessions (API.md "Bank payments"): the region's bank fields, the account type, the mandate confirmation.</summary>
public sealed partial class PaymentSession
{
    private static readonly string[] AccountTypes = ["checking", "savings"];

    /// <summary>A bank session: its fields are its region's bank fields.</summary>
    public bool IsBank => Array.Exists(_fields, f => BankFields.IsBankField(f.Field));

    /// <summary>When the agent confirmed the region's wording (Direct Debit Guarantee, ACH authorization, BECS service agreement).</summary>
    public DateTimeOffset? ConfirmedAt { get; private set; }

    /// <summary>The account type the agent chose (US): checking or savings. Not bank data.</summary>
    public SessionResult SetAccountType(string? accountType)
    {
        if (RefuseUnlessOpen() is { } refused)
        {
            return refused;
        }

        var target = Find(CardField.AccountType);
        if (target is null)
        {
            return SessionResult.Refused(SessionRefusalCodes.FieldNotConfigured);
        }

        if (accountType is null || !AccountTypes.Contains(accountType))
        {
            return SessionResult.Refused(CardErrorCodes.InvalidAccountType);
        }

        target.Clear();
        target.AgentValue = accountType;
        target.DisplayLength = accountType.Length;
        target.State = FieldState.Complete;
        RecomputeOpenStatus();
        Touch();
        return SessionResult.Accepted;
    }

    /// <summary>The agent read the region's confirmation to the customer, who agreed. Only on a bank session, only the region's.</summary>
    public SessionResult Confirm(string? confirmation)
    {
        if (RefuseUnlessOpen() is { } refused)
        {
            return refused;
        }

        if (!IsBank || confirmation != BankFields.Confirmation(Options.Validation.PostalRegion))
        {
            return SessionResult.Refused(SessionRefusalCodes.InvalidConfirmation);
        }

        ConfirmedAt ??= _time.GetUtcNow();
        Touch();
        return SessionResult.Accepted;
    }

    /// <summary>Ready + confirmed -> submitting; hands out the account for exactly one gateway request.</summary>
    public SessionResult BeginBankSubmit(out BankDetails? account)
    {
        account = null;
        if (RefuseUnlessOpen() is { } refused)
        {
            return refused;
        }

        if (!IsBank || Status != SessionStatus.Ready)
        {
            return SessionResult.Refused(SessionRefusalCodes.NotReady);
        }

        if (ConfirmedAt is null)
        {
            return SessionResult.Refused(SessionRefusalCodes.ConfirmationRequired);
        }

        var region = Options.Validation.PostalRegion;
        var bankCode = Find(CardField.SortCode) ?? Find(CardField.RoutingNumber) ?? Find(CardField.Bsb)!;
        account = new BankDetails(BankFields.Scheme(region), bankCode.Digits, Find(CardField.AccountNumber)!.Digits, Find(CardField.AccountType)?.AgentValue);
        Status = SessionStatus.Submitting;
        CapturingField = null;
        Touch();
        return SessionResult.Accepted;
    }

    /// <summary>UK: once sort code and account number are both complete, the modulus check; a failure is the account number's (an attempt).</summary>
    private void CrossCheckBankAccount()
    {
        if (Find(CardField.SortCode) is not { State: FieldState.Complete } sortCode
            || Find(CardField.AccountNumber) is not { State: FieldState.Complete } account
            || UkModulusCheck.Passes(sortCode.Digits.Span, account.Digits.Span))
        {
            return;
        }

        UseAttempt(account, CardErrorCodes.InvalidAccountNumber);
    }
}
