using PciCloud.Payments.Cards;
using PciCloud.Payments.Sessions;

namespace PciCloud.Payments.Tests.Sessions;

/// <summary>Per-session controls in the state machine: attempts, input timeout, double entry.</summary>
public sealed class PaymentSessionControlsTests
{
    private const string Visa = "4242424242424242";

    [Fact]
    public void MaxAttempts_One_FirstInvalidEntryFailsTheSession()
    {
        var session = SessionFactory.Create(options: new PaymentSessionOptions { AttemptsPerField = 1 });
        Assert.Equal(1, session.GetField(CardField.CardNumber).AttemptsLeft);

        session.Key(CardField.CardNumber, "4242424242424241#");

        Assert.Equal(SessionStatus.Failed, session.Status);
        Assert.Equal(SessionFailureCodes.TooManyAttempts, session.FailureReason);
    }

    [Fact]
    public void InputTimeout_NoKeyInTime_FieldTimedOutAttemptUsedDigitsWiped()
    {
        var clock = SessionFactory.Clock();
        var session = SessionFactory.Create(clock, options: new PaymentSessionOptions { InputTimeout = TimeSpan.FromSeconds(5) });
        session.Key(CardField.CardNumber, "4242");
        Assert.Equal(SessionFactory.Now.AddSeconds(5), session.InputDeadline);

        clock.Advance(TimeSpan.FromSeconds(4));
        Assert.False(session.TimeOutInputIfDue());
        Assert.True(session.AppendDigit('4').IsAccepted); // a key restarts the wait
        clock.Advance(TimeSpan.FromSeconds(5));

        Assert.True(session.TimeOutInputIfDue());
        var field = session.GetField(CardField.CardNumber);
        Assert.Equal(FieldState.Invalid, field.State);
        Assert.Equal(CardErrorCodes.InputTimeout, field.Error);
        Assert.Equal(2, field.AttemptsLeft);
        Assert.Null(session.CapturingField);
        Assert.All(session.Buffers, b => Assert.True(b.IsEmpty));
        Assert.Null(session.InputDeadline);
    }

    [Fact]
    public void InputTimeout_LateKey_IsNotAppendedToTheTimedOutField()
    {
        var clock = SessionFactory.Clock();
        var session = SessionFactory.Create(clock, options: new PaymentSessionOptions { InputTimeout = TimeSpan.FromSeconds(3) });
        session.Key(CardField.CardNumber, "42");
        clock.Advance(TimeSpan.FromSeconds(3));

        var late = session.AppendDigit('4');

        Assert.Equal(SessionRefusalCodes.NotCapturing, late.Reason);
        Assert.Equal(CardErrorCodes.InputTimeout, session.GetField(CardField.CardNumber).Error);
    }

    [Fact]
    public void InputTimeout_Off_ByDefault()
    {
        var clock = SessionFactory.Clock();
        var session = SessionFactory.Create(clock);
        session.Key(CardField.CardNumber, "42");
        clock.Advance(TimeSpan.FromMinutes(5));

        Assert.Null(session.InputDeadline);
        Assert.False(session.TimeOutInputIfDue());
        Assert.Equal(FieldState.Capturing, session.GetField(CardField.CardNumber).State);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(61)]
    public void InputTimeout_OutOfRange_OptionsRefused(int seconds) =>
        Assert.NotNull(new PaymentSessionOptions { InputTimeout = TimeSpan.FromSeconds(seconds) }.Problem());

    [Fact]
    public void DoubleEntry_SameNumberTwice_CompleteWithBrandAndLast4()
    {
        var session = SessionFactory.Create(options: new PaymentSessionOptions { RequireMatchingInputs = true });
        session.Key(CardField.CardNumber, Visa);

        var confirming = session.GetField(CardField.CardNumber);
        Assert.Equal(FieldState.Capturing, confirming.State);
        Assert.True(confirming.Confirming);
        Assert.Equal(0, confirming.Length);
        Assert.Null(confirming.Last4);
        Assert.Equal(CardField.CardNumber, session.CapturingField);

        foreach (var digit in Visa)
        {
            Assert.True(session.AppendDigit(digit).IsAccepted);
        }

        var complete = session.GetField(CardField.CardNumber);
        Assert.Equal(FieldState.Complete, complete.State);
        Assert.False(complete.Confirming);
        Assert.Equal("4242", complete.Last4);
        Assert.Equal(3, complete.AttemptsLeft);
    }

    [Fact]
    public void DoubleEntry_SecondEntryDiffers_InputsDoNotMatchAttemptUsedBothWiped()
    {
        var session = SessionFactory.Create(options: new PaymentSessionOptions { RequireMatchingInputs = true });
        session.Key(CardField.CardNumber, Visa);
        foreach (var digit in "5555555555554444")
        {
            Assert.True(session.AppendDigit(digit).IsAccepted);
        }

        var field = session.GetField(CardField.CardNumber);
        Assert.Equal(FieldState.Invalid, field.State);
        Assert.Equal(CardErrorCodes.InputsDoNotMatch, field.Error);
        Assert.Equal(2, field.AttemptsLeft);
        Assert.All(session.Buffers, b => Assert.True(b.IsEmpty));
    }

    [Fact]
    public void DoubleEntry_InvalidFirstEntry_UsesAnAttemptWithoutASecondEntry()
    {
        var session = SessionFactory.Create(options: new PaymentSessionOptions { RequireMatchingInputs = true });
        session.Key(CardField.CardNumber, "4242424242424241#");

        var field = session.GetField(CardField.CardNumber);
        Assert.Equal(CardErrorCodes.InvalidCardNumber, field.Error);
        Assert.False(field.Confirming);
        Assert.Null(session.CapturingField);
    }

    [Fact]
    public void DoubleEntry_Cancel_WipesTheKeptFirstEntry()
    {
        var session = SessionFactory.Create(options: new PaymentSessionOptions { RequireMatchingInputs = true });
        session.Key(CardField.CardNumber, Visa);
        Assert.Contains(session.Buffers, b => !b.IsEmpty);

        Assert.True(session.Cancel().IsAccepted);

        Assert.All(session.Buffers, b => Assert.True(b.IsEmpty));
    }

    [Fact]
    public void AcceptedBrands_BrandOutsideTheSessionsSubset_CardTypeNotAccepted()
    {
        var session = SessionFactory.Create(options: new PaymentSessionOptions
        {
            Validation = new CardValidationOptions { AcceptedBrands = [CardBrand.Mastercard] },
        });
        session.Key(CardField.CardNumber, Visa);

        Assert.Equal(CardErrorCodes.CardTypeNotAccepted, session.GetField(CardField.CardNumber).Error);
    }
}
