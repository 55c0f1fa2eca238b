using PciCloud.Payments.Cards;
using PciCloud.Payments.Gateways;
using PciCloud.Payments.Gateways.Sandbox;
using PciCloud.Payments.Money;

namespace PciCloud.Payments.Tests.Gateways;

public sealed class SandboxGatewayTests
{
    private static readonly MoneyAmount Gbp1999 = new(1999, Currency.Parse("GBP"));
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static CardPaymentRequest Pay(string key, string number = SandboxTestCards.Success, MoneyAmount? amount = null) =>
        new(key, amount ?? Gbp1999, CardDetails.Create(number, "1229", "123"));

    [Theory]
    [InlineData(SandboxTestCards.GenericDecline, DeclineCodes.CardDeclined)]
    [InlineData(SandboxTestCards.InsufficientFunds, DeclineCodes.InsufficientFunds)]
    [InlineData(SandboxTestCards.LostCard, DeclineCodes.LostCard)]
    [InlineData(SandboxTestCards.StolenCard, DeclineCodes.StolenCard)]
    [InlineData(SandboxTestCards.ExpiredCard, DeclineCodes.ExpiredCard)]
    [InlineData(SandboxTestCards.IncorrectCvc, DeclineCodes.IncorrectCvc)]
    [InlineData(SandboxTestCards.ProcessingError, DeclineCodes.ProcessingError)]
    [InlineData(SandboxTestCards.IncorrectNumber, DeclineCodes.IncorrectNumber)]
    [InlineData(SandboxTestCards.VelocityExceeded, DeclineCodes.VelocityExceeded)]
    [InlineData(SandboxTestCards.Fraudulent, DeclineCodes.CardDeclined)]
    [InlineData(SandboxTestCards.AlwaysAuthenticate, DeclineCodes.AuthenticationRequired)]
    public async Task Charge_TestCardsDecline_WithNormalizedCodeAndAgentMessage(string number, string code)
    {
        var result = await new SandboxGateway().ChargeAsync(Pay("k", number), Ct);

        Assert.Equal(GatewayOutcome.Declined, result.Outcome);
        Assert.Equal(code, result.DeclineCode);
        Assert.Equal(DeclineCodes.AgentMessage(code), result.Message);
    }

    [Theory]
    [InlineData("4242424242424242")]
    [InlineData("5555555555554444")]
    [InlineData("378282246310005")]
    [InlineData("6011111111111117")]
    [InlineData("36227206271667")]
    [InlineData("3566002020360505")]
    [InlineData("6200000000000005")]
    public async Task Charge_SuccessCards_Approve_WithReferenceAndAuthorizationCode(string number)
    {
        var result = await new SandboxGateway().ChargeAsync(Pay("k", number), Ct);

        Assert.True(result.IsApproved);
        Assert.StartsWith("pi_sbx_", result.Reference, StringComparison.Ordinal);
        Assert.Equal(6, result.AuthorizationCode!.Length);
        Assert.Equal(1999, result.AmountMinorUnits);
    }

    [Fact]
    public async Task Charge_SameKeySameRequest_ReplaysTheResult_WithoutASecondCharge()
    {
        var gateway = new SandboxGateway();

        var first = await gateway.ChargeAsync(Pay("key-1"), Ct);
        var second = await gateway.ChargeAsync(Pay("key-1"), Ct);

        Assert.Equal(first, second);
        Assert.Single(gateway.Ledger());
    }

    [Fact]
    public async Task Charge_SameKeyDifferentRequest_IsAnError_AndChargesNothingMore()
    {
        var gateway = new SandboxGateway();
        await gateway.ChargeAsync(Pay("key-1"), Ct);

        var other = await gateway.ChargeAsync(Pay("key-1", amount: new MoneyAmount(2000, Currency.Parse("GBP"))), Ct);

        Assert.Equal(GatewayOutcome.Error, other.Outcome);
        Assert.Equal(GatewayErrorCodes.IdempotencyKeyReused, other.ErrorCode);
        Assert.False(other.Retryable);
        Assert.Single(gateway.Ledger());
    }

    [Fact]
    public async Task Charge_IsDeterministic_AcrossGatewayInstances()
    {
        var a = await new SandboxGateway().ChargeAsync(Pay("key-9"), Ct);
        var b = await new SandboxGateway().ChargeAsync(Pay("key-9"), Ct);

        Assert.Equal(a, b);
    }

    [Fact]
    public async Task Charge_ConcurrentSameKey_ChargesOnce()
    {
        var gateway = new SandboxGateway();

        var results = await Task.WhenAll(Enumerable.Range(0, 64).Select(_ => Task.Run(() => gateway.ChargeAsync(Pay("same"), Ct), Ct)));

        Assert.Single(results.Distinct());
        Assert.Single(gateway.Ledger());
    }

    [Fact]
    public async Task Charge_InvalidKeyOrAmount_IsAnInvalidRequest()
    {
        var gateway = new SandboxGateway();

        Assert.Equal(GatewayErrorCodes.InvalidRequest, (await gateway.ChargeAsync(Pay(""), Ct)).ErrorCode);
        Assert.Equal(GatewayErrorCodes.InvalidRequest, (await gateway.ChargeAsync(Pay(new string('k', 256)), Ct)).ErrorCode);
        Assert.Equal(GatewayErrorCodes.InvalidRequest, (await gateway.ChargeAsync(Pay("k", amount: new MoneyAmount(0, Currency.Parse("GBP"))), Ct)).ErrorCode);
        Assert.Empty(gateway.Ledger());
    }

    [Fact]
    public async Task Authorize_Capture_ThenRefundInParts_UpToTheCapturedAmount()
    {
        var gateway = new SandboxGateway();
        var auth = await gateway.AuthorizeAsync(Pay("a"), Ct);
        Assert.Equal("authorized", Assert.Single(gateway.Ledger()).Status);

        Assert.Equal(GatewayErrorCodes.InvalidState, (await gateway.CaptureAsync(new CaptureRequest("c0", auth.Reference!, 2000), Ct)).ErrorCode);
        var capture = await gateway.CaptureAsync(new CaptureRequest("c", auth.Reference!, 1500), Ct);
        Assert.Equal(1500, capture.AmountMinorUnits);

        Assert.True((await gateway.RefundAsync(new RefundRequest("r1", auth.Reference!, 1000), Ct)).IsApproved);
        Assert.Equal(GatewayErrorCodes.InvalidState, (await gateway.RefundAsync(new RefundRequest("r2", auth.Reference!, 501), Ct)).ErrorCode);
        var rest = await gateway.RefundAsync(new RefundRequest("r3", auth.Reference!), Ct);
        Assert.Equal(500, rest.AmountMinorUnits);
        Assert.StartsWith("re_sbx_", rest.Reference, StringComparison.Ordinal);

        var entry = Assert.Single(gateway.Ledger());
        Assert.Equal(1500, entry.RefundedMinorUnits);
        Assert.Equal("refunded", entry.Status);
    }

    [Fact]
    public async Task Void_ReleasesAnAuthorization_ButNotACapturedCharge()
    {
        var gateway = new SandboxGateway();
        var auth = await gateway.AuthorizeAsync(Pay("a"), Ct);
        var charge = await gateway.ChargeAsync(Pay("b"), Ct);

        Assert.True((await gateway.VoidAsync(new VoidRequest("v1", auth.Reference!), Ct)).IsApproved);
        Assert.Equal(GatewayErrorCodes.InvalidState, (await gateway.VoidAsync(new VoidRequest("v2", charge.Reference!), Ct)).ErrorCode);
        Assert.Equal(GatewayErrorCodes.NotFound, (await gateway.VoidAsync(new VoidRequest("v3", "pi_nope"), Ct)).ErrorCode);
        Assert.Equal(GatewayErrorCodes.InvalidState, (await gateway.CaptureAsync(new CaptureRequest("c", auth.Reference!), Ct)).ErrorCode);
    }

    [Fact]
    public async Task Tokenize_ThenChargeTheTokenOffSession()
    {
        var gateway = new SandboxGateway();
        var token = await gateway.TokenizeAsync(new TokenizeRequest("t", CardDetails.Create(SandboxTestCards.Success, "1229", "123")), Ct);

        var charge = await gateway.ChargeTokenAsync(new TokenChargeRequest("c1", token.Reference!, Gbp1999), Ct);

        Assert.True(charge.IsApproved);
        Assert.Equal("captured", Assert.Single(gateway.Ledger()).Status);
        Assert.Equal(GatewayErrorCodes.NotFound, (await gateway.ChargeTokenAsync(new TokenChargeRequest("c2", "pm_nope", Gbp1999), Ct)).ErrorCode);
    }

    [Fact]
    public async Task Tokenize_CardThatAttachesThenDeclines_DeclinesOnlyTheCharge()
    {
        var gateway = new SandboxGateway();
        var token = await gateway.TokenizeAsync(new TokenizeRequest("t", CardDetails.Create(SandboxTestCards.AttachesThenDeclines, "1229", "123")), Ct);
        Assert.True(token.IsApproved);

        var charge = await gateway.ChargeTokenAsync(new TokenChargeRequest("c1", token.Reference!, Gbp1999), Ct);
        Assert.Equal(DeclineCodes.CardDeclined, charge.DeclineCode);

        var declined = await gateway.TokenizeAsync(new TokenizeRequest("t2", CardDetails.Create(SandboxTestCards.InsufficientFunds, "1229", "123")), Ct);
        Assert.Equal(DeclineCodes.InsufficientFunds, declined.DeclineCode);
    }

    [Fact]
    public async Task Lookup_ByKeyOrReference_FindsTheStoredOutcome_AndNothingForUnknown()
    {
        var gateway = new SandboxGateway();
        var charge = await gateway.ChargeAsync(Pay("k1"), Ct);

        Assert.Equal(charge, await gateway.LookupAsync(LookupRequest.ByIdempotencyKey("k1"), Ct));
        Assert.Equal(charge, await gateway.LookupAsync(LookupRequest.ByReference(charge.Reference!), Ct));
        Assert.Null(await gateway.LookupAsync(LookupRequest.ByIdempotencyKey("k2"), Ct));
    }

    [Fact]
    public async Task Schedules_AreNotNative_AndSaySo()
    {
        var gateway = new SandboxGateway();

        Assert.False(gateway.Capabilities.NativeSchedules);
        Assert.True(gateway.Capabilities.Supports(Payments.Sessions.PaymentIntent.Recurring));
        var result = await gateway.CreateScheduleAsync(new ScheduleRequest("s", "pm_x", Gbp1999, RecurringInterval.Month), Ct);
        Assert.Equal(GatewayErrorCodes.NotSupported, result.ErrorCode);
    }
}
