using PciCloud.Payments.Banks;
using PciCloud.Payments.Cards;
using PciCloud.Payments.Gateways.Sandbox;
using PciCloud.Payments.Sessions;

namespace PciCloud.Payments.Tests.Banks;

/// <summary>Bank sessions in the state machine: UK Bacs, US ACH, AU BECS.</summary>
public sealed class BankSessionTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static PaymentSessionOptions Bank(PostalCodeRegion region, bool doubleEntry = false) => new()
    {
        Fields = BankFields.For(region),
        Validation = new CardValidationOptions { PostalRegion = region },
        RequireMatchingInputs = doubleEntry,
    };

    [Fact]
    public async Task Uk_ValidAccount_ConfirmedGuarantee_DebitedOnce_AndWiped()
    {
        var session = SessionFactory.Create(options: Bank(PostalCodeRegion.Uk));
        session.Key(CardField.SortCode, SandboxTestBankAccounts.UkSortCode);
        session.Key(CardField.AccountNumber, SandboxTestBankAccounts.UkApproved);
        Assert.Equal(SessionStatus.Ready, session.Status);
        Assert.Equal(SessionRefusalCodes.ConfirmationRequired, (await PaymentSessionSubmitter.SubmitAsync(session, new SandboxGateway(), "k", Ct)).Reason);
        Assert.Equal(SessionRefusalCodes.InvalidConfirmation, session.Confirm("ach_authorization").Reason);
        Assert.True(session.Confirm("direct_debit_guarantee").IsAccepted);

        var gateway = new SandboxGateway();
        Assert.True((await PaymentSessionSubmitter.SubmitAsync(session, gateway, "k", Ct)).IsAccepted);

        Assert.Equal(SessionStatus.Succeeded, session.Status);
        Assert.Single(gateway.Ledger(), e => e.Kind == "bank_debit");
        Assert.All(session.Buffers, b => Assert.True(b.IsEmpty));
    }

    [Fact]
    public async Task Uk_DeclinedAccount_FailedDeclined()
    {
        var session = SessionFactory.Create(options: Bank(PostalCodeRegion.Uk));
        session.Key(CardField.SortCode, SandboxTestBankAccounts.UkUncheckedSortCode);
        session.Key(CardField.AccountNumber, SandboxTestBankAccounts.UkInsufficientFunds);
        session.Confirm("direct_debit_guarantee");

        await PaymentSessionSubmitter.SubmitAsync(session, new SandboxGateway(), "k", Ct);

        Assert.Equal(SessionStatus.Failed, session.Status);
        Assert.Equal("insufficient_funds", session.Outcome!.DeclineCode);
    }

    [Fact]
    public void Uk_WrongCheckDigit_AccountNumberInvalid_AttemptUsed_EitherOrder()
    {
        var session = SessionFactory.Create(options: Bank(PostalCodeRegion.Uk));
        session.Key(CardField.AccountNumber, "66374959");
        Assert.Equal(FieldState.Complete, session.GetField(CardField.AccountNumber).State); // nothing to check against yet
        session.Key(CardField.SortCode, "089999");

        var account = session.GetField(CardField.AccountNumber);
        Assert.Equal(CardErrorCodes.InvalidAccountNumber, account.Error);
        Assert.Equal(2, account.AttemptsLeft);
        Assert.Equal(FieldState.Complete, session.GetField(CardField.SortCode).State);
    }

    [Fact]
    public void DoubleEntry_AccountNumberMismatch_InputsDoNotMatch()
    {
        var session = SessionFactory.Create(options: Bank(PostalCodeRegion.Uk, doubleEntry: true));
        session.Key(CardField.AccountNumber, "66374958");
        Assert.True(session.GetField(CardField.AccountNumber).Confirming);
        foreach (var digit in "66374985")
        {
            session.AppendDigit(digit);
        }

        Assert.Equal(CardErrorCodes.InputsDoNotMatch, session.GetField(CardField.AccountNumber).Error);
    }

    [Fact]
    public void Us_RoutingChecksum_AccountTypeByTheAgent_ThenReady()
    {
        var session = SessionFactory.Create(options: Bank(PostalCodeRegion.Us));
        session.Key(CardField.RoutingNumber, "110000001");
        Assert.Equal(CardErrorCodes.InvalidRoutingNumber, session.GetField(CardField.RoutingNumber).Error);
        session.Key(CardField.RoutingNumber, SandboxTestBankAccounts.UsRouting);
        session.Key(CardField.AccountNumber, SandboxTestBankAccounts.UsApproved + "#");
        Assert.Equal(SessionRefusalCodes.FieldNotKeyable, session.StartCapture(CardField.AccountType).Reason);
        Assert.Equal(CardErrorCodes.InvalidAccountType, session.SetAccountType("current").Reason);

        Assert.True(session.SetAccountType("checking").IsAccepted);

        Assert.Equal(SessionStatus.Ready, session.Status);
    }

    [Theory]
    [InlineData("123#", CardErrorCodes.InvalidAccountNumber)] // AU accounts are 5-9 digits
    [InlineData("12345#", null)]
    public void Au_AccountLength(string keys, string? error)
    {
        var session = SessionFactory.Create(options: Bank(PostalCodeRegion.Au));
        session.Key(CardField.AccountNumber, keys);
        Assert.Equal(error, session.GetField(CardField.AccountNumber).Error);
    }

    [Fact]
    public void Options_CardAndBankMixed_OrAnotherRegionsBankFields_Refused()
    {
        Assert.NotNull(new PaymentSessionOptions { Fields = [CardField.CardNumber, CardField.Expiry, CardField.AccountNumber] }.Problem());
        Assert.NotNull(Bank(PostalCodeRegion.Uk) with { Fields = BankFields.For(PostalCodeRegion.Us) } is var o ? o.Problem() : null);
        Assert.Null(Bank(PostalCodeRegion.Au).Problem());
    }
}
