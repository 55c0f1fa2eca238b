using PciCloud.Payments.Cards;
using PciCloud.Payments.Sessions;

namespace PciCloud.Payments.Tests.Sessions;

public sealed class PaymentSessionCaptureTests
{
    [Fact]
    public void NewSession_IsCreated_WithEmptyFields()
    {
        var session = SessionFactory.Create();

        Assert.Equal(SessionStatus.Created, session.Status);
        Assert.All(session.ToView().Fields, f =>
        {
            Assert.Equal(FieldState.Empty, f.State);
            Assert.Equal(3, f.AttemptsLeft);
            Assert.Equal("", f.Masked);
        });
        Assert.Equal(SessionFactory.Now.AddMinutes(10), session.ExpiresAt);
    }

    [Fact]
    public void CardNumber_CompletesByItself_WhenLuhnValidAtUsualLength_ThenShowsBrandAndLast4()
    {
        var session = SessionFactory.Create();
        session.Key(CardField.CardNumber, "424242424242424");

        var partial = session.GetField(CardField.CardNumber);
        Assert.Equal(FieldState.Capturing, partial.State);
        Assert.Equal("***************", partial.Masked);
        Assert.Null(partial.Brand);
        Assert.Null(partial.Last4);

        Assert.True(session.AppendDigit('2').IsAccepted);
        var complete = session.GetField(CardField.CardNumber);
        Assert.Equal(FieldState.Complete, complete.State);
        Assert.Equal(CardBrand.Visa, complete.Brand);
        Assert.Equal("4242", complete.Last4);
        Assert.Equal(16, complete.Length);
        Assert.Null(session.CapturingField);
        Assert.Equal(SessionStatus.Capturing, session.Status);
    }

    [Theory]
    [InlineData("378282246310005", CardBrand.Amex)]
    [InlineData("36227206271667", CardBrand.DinersClub)]
    [InlineData("5555555555554444", CardBrand.Mastercard)]
    [InlineData("6011111111111117", CardBrand.Discover)]
    [InlineData("3566002020360505", CardBrand.Jcb)]
    [InlineData("6200000000000005", CardBrand.UnionPay)]
    public void CardNumber_CompletesAtTheBrandsUsualLength(string number, CardBrand brand)
    {
        var session = SessionFactory.Create();
        session.Key(CardField.CardNumber, number);

        Assert.Equal(FieldState.Complete, session.GetField(CardField.CardNumber).State);
        Assert.Equal(brand, session.GetField(CardField.CardNumber).Brand);
    }

    [Fact]
    public void CardNumber_OtherValidLengths_NeedHash()
    {
        var session = SessionFactory.Create();
        session.Key(CardField.CardNumber, "4222222222222");
        Assert.Equal(FieldState.Capturing, session.GetField(CardField.CardNumber).State);

        Assert.True(session.AppendDigit('#').IsAccepted);
        Assert.Equal(FieldState.Complete, session.GetField(CardField.CardNumber).State);
        Assert.Equal("2222", session.GetField(CardField.CardNumber).Last4);
    }

    [Fact]
    public void CardNumber_VisaWithBadCheckDigit_WaitsAt16_AndHashMakesItInvalid_UsingAnAttempt()
    {
        var session = SessionFactory.Create();
        session.Key(CardField.CardNumber, "4242424242424241");
        Assert.Equal(FieldState.Capturing, session.GetField(CardField.CardNumber).State);

        session.AppendDigit('#');
        var field = session.GetField(CardField.CardNumber);
        Assert.Equal(FieldState.Invalid, field.State);
        Assert.Equal(CardErrorCodes.InvalidCardNumber, field.Error);
        Assert.Equal(2, field.AttemptsLeft);
        Assert.Equal(16, field.Length);
        Assert.Null(field.Last4);
        Assert.All(session.Buffers, b => Assert.True(b.IsZeroed));
    }

    [Fact]
    public void CardNumber_MastercardWithBadCheckDigit_CompletesInvalidAt16()
    {
        var session = SessionFactory.Create();
        session.Key(CardField.CardNumber, "5555555555554443");

        Assert.Equal(FieldState.Invalid, session.GetField(CardField.CardNumber).State);
    }

    [Fact]
    public void CardNumber_NotAcceptedBrand_IsInvalid_WithItsCode()
    {
        var options = new PaymentSessionOptions { Validation = new CardValidationOptions { AcceptedBrands = [CardBrand.Visa] } };
        var session = SessionFactory.Create(options: options);
        session.Key(CardField.CardNumber, "378282246310005");

        Assert.Equal(CardErrorCodes.CardTypeNotAccepted, session.GetField(CardField.CardNumber).Error);
    }

    [Fact]
    public void Star_ClearsTheField_WithoutUsingAnAttempt()
    {
        var session = SessionFactory.Create();
        session.Key(CardField.CardNumber, "42424*");

        var field = session.GetField(CardField.CardNumber);
        Assert.Equal(FieldState.Capturing, field.State);
        Assert.Equal(0, field.Length);
        Assert.Equal(3, field.AttemptsLeft);
        Assert.All(session.Buffers, b => Assert.True(b.IsZeroed));
    }

    [Fact]
    public void Expiry_CompletesAt4Digits_ValidOrNot()
    {
        var session = SessionFactory.Create();
        session.Key(CardField.Expiry, "1229");
        Assert.Equal(FieldState.Complete, session.GetField(CardField.Expiry).State);

        session.Reset(CardField.Expiry);
        session.Key(CardField.Expiry, "0125");
        Assert.Equal(FieldState.Invalid, session.GetField(CardField.Expiry).State);
        Assert.Equal(CardErrorCodes.ExpiredCard, session.GetField(CardField.Expiry).Error);

        session.Key(CardField.Expiry, "1329");
        Assert.Equal(CardErrorCodes.InvalidExpiry, session.GetField(CardField.Expiry).Error);
        Assert.Equal(1, session.GetField(CardField.Expiry).AttemptsLeft);
    }

    [Fact]
    public void SecurityCode_CompletesAtTheBrandsLength()
    {
        var visa = SessionFactory.Create();
        visa.Key(CardField.CardNumber, "4242424242424242");
        visa.Key(CardField.SecurityCode, "123");
        Assert.Equal(FieldState.Complete, visa.GetField(CardField.SecurityCode).State);

        var amex = SessionFactory.Create();
        amex.Key(CardField.CardNumber, "378282246310005");
        amex.Key(CardField.SecurityCode, "123");
        Assert.Equal(FieldState.Capturing, amex.GetField(CardField.SecurityCode).State);
        amex.AppendDigit('4');
        Assert.Equal(FieldState.Complete, amex.GetField(CardField.SecurityCode).State);
    }

    [Fact]
    public void SecurityCode_KeyedBeforeAnAmexNumber_BecomesInvalid_WithoutUsingAnAttempt()
    {
        var session = SessionFactory.Create();
        session.Key(CardField.SecurityCode, "123#");
        Assert.Equal(FieldState.Complete, session.GetField(CardField.SecurityCode).State);

        session.Key(CardField.CardNumber, "378282246310005");

        var code = session.GetField(CardField.SecurityCode);
        Assert.Equal(FieldState.Invalid, code.State);
        Assert.Equal(CardErrorCodes.InvalidSecurityCode, code.Error);
        Assert.Equal(3, code.AttemptsLeft);
    }

    [Fact]
    public void SecurityCode_TooShortWithHash_IsInvalid()
    {
        var session = SessionFactory.Create();
        session.Key(CardField.CardNumber, "4242424242424242");
        session.Key(CardField.SecurityCode, "12#");

        Assert.Equal(CardErrorCodes.InvalidSecurityCode, session.GetField(CardField.SecurityCode).Error);
    }

    [Fact]
    public void AllFieldsComplete_MakesTheSessionReady_AndResetGoesBackToCapturing()
    {
        var session = SessionFactory.Ready();

        Assert.True(session.Reset(CardField.SecurityCode).IsAccepted);
        Assert.Equal(SessionStatus.Capturing, session.Status);
        Assert.Equal(FieldState.Empty, session.GetField(CardField.SecurityCode).State);
        Assert.Equal(3, session.GetField(CardField.SecurityCode).AttemptsLeft);
    }

    [Fact]
    public void ThirdInvalidCompletion_FailsTheSession_WithTooManyAttempts_AndWipes()
    {
        var session = SessionFactory.Create();
        session.Key(CardField.CardNumber, "4242424242424241#");
        session.Key(CardField.Expiry, "1229");
        session.Key(CardField.CardNumber, "4242424242424241#");
        Assert.Equal(SessionStatus.Capturing, session.Status);

        session.Key(CardField.CardNumber, "4242424242424241#");

        Assert.Equal(SessionStatus.Failed, session.Status);
        Assert.Equal(SessionFailureCodes.TooManyAttempts, session.FailureReason);
        Assert.Equal(0, session.GetField(CardField.CardNumber).AttemptsLeft);
        Assert.All(session.Buffers, b => Assert.True(b.IsZeroed));
    }

    [Fact]
    public void StartCapture_OfAnotherField_AbandonsThePartialOne()
    {
        var session = SessionFactory.Create();
        session.Key(CardField.CardNumber, "4242");

        Assert.True(session.StartCapture(CardField.Expiry).IsAccepted);

        Assert.Equal(FieldState.Empty, session.GetField(CardField.CardNumber).State);
        Assert.Equal(CardField.Expiry, session.CapturingField);
        Assert.All(session.Buffers, b => Assert.True(b.IsZeroed));
    }

    [Fact]
    public void PostalCode_IsKeyedInTheUs_AndCompletesAt5()
    {
        var options = new PaymentSessionOptions { Fields = [CardField.CardNumber, CardField.Expiry, CardField.PostalCode] };
        var session = SessionFactory.Create(options: options);
        session.Key(CardField.PostalCode, "94103");

        Assert.Equal(FieldState.Complete, session.GetField(CardField.PostalCode).State);
    }

    [Fact]
    public void PostalCode_InTheUk_IsTypedByTheAgent_NotKeyed()
    {
        var options = new PaymentSessionOptions
        {
            Fields = [CardField.CardNumber, CardField.Expiry, CardField.PostalCode],
            Validation = new CardValidationOptions { PostalRegion = PostalCodeRegion.Uk },
        };
        var session = SessionFactory.Create(options: options);

        Assert.Equal(SessionRefusalCodes.FieldNotKeyable, session.StartCapture(CardField.PostalCode).Reason);
        Assert.Equal(CardErrorCodes.InvalidPostalCode, session.SetPostalCode("12345").Reason);
        Assert.True(session.SetPostalCode("sw1a1aa").IsAccepted);

        var field = session.GetField(CardField.PostalCode);
        Assert.Equal(FieldState.Complete, field.State);
        Assert.Equal("********", field.Masked);
    }
}
