using PciCloud.Payments.Banks;
using System.Text.Json;
using PciCloud.Payments.Cards;
using PciCloud.Payments.Gateways;
using PciCloud.Payments.Gateways.Sandbox;
using PciCloud.Payments.Money;
using PciCloud.Payments.Sessions;

namespace PciCloud.Payments.Tests.Serialization;

/// <summary>
/// Serializes an instance of every public type of the library, sessions in every state, with a
/// known test card, and checks that the card number, expiry and security code never come out:
/// either serialization refuses (types that hold card data) or the output has none of them.
/// </summary>
public sealed class CardDataNeverSerializesTests
{
    private const string Number = "4000056655665556";
    private const string Expiry = "0831";
    private const string SecurityCode = "987";

    // Not data: a converter, an exception type and interfaces/static classes carry no state to leak.
    private static readonly Type[] NotData = [typeof(RefuseSerializationConverter<>), typeof(CardDataSerializationException), typeof(CurrencyJsonConverter)];

    [Fact]
    public void EveryPublicType_HasASample()
    {
        var sampled = Samples().Select(s => s.GetType()).ToHashSet();
        var missing = typeof(PaymentSession).Assembly.GetExportedTypes()
            .Where(t => !t.IsInterface && !(t.IsAbstract && t.IsSealed) && !NotData.Contains(t))
            .Where(t => !sampled.Contains(t))
            .Select(t => t.FullName)
            .ToList();

        Assert.Empty(missing);
    }

    [Fact]
    public void SystemTextJson_NeverWritesCardData()
    {
        var refused = 0;
        foreach (var sample in Samples())
        {
            string json;
            try
            {
                json = JsonSerializer.Serialize(sample, sample.GetType());
            }
            catch (CardDataSerializationException)
            {
                refused++;
                continue;
            }

            AssertNoCardData(json, sample.GetType().Name);
        }

        Assert.True(refused >= 5, $"only {refused} samples refused serialization");
    }

    [Theory]
    [InlineData(typeof(SensitiveDigits))]
    [InlineData(typeof(CardDetails))]
    [InlineData(typeof(PaymentSession))]
    [InlineData(typeof(CardPaymentRequest))]
    [InlineData(typeof(TokenizeRequest))]
    public void SystemTextJson_RefusesCardDataTypes_BothWays(Type type)
    {
        var sample = Samples().First(s => s.GetType() == type);

        Assert.Throws<CardDataSerializationException>(() => JsonSerializer.Serialize(sample, type));
        Assert.Throws<CardDataSerializationException>(() => JsonSerializer.Deserialize("{}", type));
    }

    [Fact]
    public void SystemTextJson_RefusesCardDataNestedInAnotherObject()
    {
        using var card = CardDetails.Create(Number, Expiry, SecurityCode);

        Assert.Throws<CardDataSerializationException>(() => JsonSerializer.Serialize(new { Card = card }));
        Assert.Throws<CardDataSerializationException>(() => JsonSerializer.Serialize(new object[] { card.Number }));
    }

    [Fact]
    public void ToString_NeverShowsCardData()
    {
        foreach (var sample in Samples())
        {
            AssertNoCardData(sample.ToString() ?? "", sample.GetType().Name);
        }
    }

    [Fact]
    public void DebuggerDisplay_IsTheRedactedToString()
    {
        foreach (var type in new[] { typeof(SensitiveDigits), typeof(CardDetails), typeof(PaymentSession) })
        {
            var attribute = (System.Diagnostics.DebuggerDisplayAttribute)Attribute.GetCustomAttribute(type, typeof(System.Diagnostics.DebuggerDisplayAttribute))!;
            Assert.Equal("{ToString(),nq}", attribute.Value);
        }
    }

    private static void AssertNoCardData(string text, string what)
    {
        Assert.False(text.Contains(Number[..12], StringComparison.Ordinal), $"{what} leaked the card number: {text}");
        Assert.False(text.Contains(Expiry, StringComparison.Ordinal), $"{what} leaked the expiry");
        Assert.False(text.Contains(SecurityCode, StringComparison.Ordinal), $"{what} leaked the security code");
        Assert.False(text.Contains(BankSortCode, StringComparison.Ordinal), $"{what} leaked the sort code: {text}");
        Assert.False(text.Contains(BankAccount[..6], StringComparison.Ordinal), $"{what} leaked the account number: {text}");
    }

    /// <summary>Sessions in every state, keyed with the known card, and one of every other public type.</summary>
    private static IEnumerable<object> Samples()
    {
        foreach (var session in Sessions())
        {
            yield return session;
            var view = session.ToView();
            yield return view;
            foreach (var field in view.Fields)
            {
                yield return field;
            }

            if (view.Outcome is not null)
            {
                yield return view.Outcome;
            }
        }

        var ready = Keyed(PaymentIntent.Charge, Number, Expiry, SecurityCode);
        ready.BeginSubmit(out var card);
        yield return card!;
        yield return card!.Number;
        var amount = new MoneyAmount(1999, Currency.Parse("GBP"));
        yield return new CardPaymentRequest("k", amount, card) { Description = "Order 1", Reference = "ord-1" };
        yield return new TokenizeRequest("k", card);
        yield return new CaptureRequest("k", "pi_1", 100);
        yield return new VoidRequest("k", "pi_1");
        yield return new RefundRequest("k", "pi_1", 100, "requested_by_customer");
        yield return new TokenChargeRequest("k", "pm_1", amount);
        yield return new ScheduleRequest("k", "pm_1", amount, RecurringInterval.Month) { Count = 12 };
        yield return new CancelScheduleRequest("k", "sch_1");
        yield return LookupRequest.ByIdempotencyKey("k");
        yield return GatewayResult.Approved("pi_1", "A1B2C3", 1999);
        yield return GatewayResult.Declined(DeclineCodes.InsufficientFunds);
        yield return GatewayResult.Error(GatewayErrorCodes.Unavailable, "down", retryable: true);
        yield return new SandboxGateway().Capabilities;
        yield return new SandboxGateway();
        yield return new SandboxConnector(new SandboxGateway());

        // Bank: a UK session in each state that holds bank data, and what it hands a gateway.
        foreach (var bankSession in BankSessions())
        {
            yield return bankSession;
            yield return bankSession.ToView();
        }

        var bankReady = BankSessions().Last();
        bankReady.BeginBankSubmit(out var account);
        yield return account!;
        yield return new BankDebitRequest("k", amount, account!, Mandate: false);
        yield return PciCloud.Payments.Banks.UkModulusWeights.Rows[0];
        yield return new SandboxLedgerEntry("pi_1", "charge", 1999, "GBP", 1999, 0, "captured");
        yield return amount;
        yield return amount.Currency;
        yield return new AmountRules().Validate(1999, "GBP", false);
        yield return new AmountRules();
        yield return new CardValidationOptions();
        yield return new CardValidator(new CardValidationOptions(), SessionFactory.Clock());
        yield return new PaymentSessionOptions();
        yield return SessionResult.Accepted;
        yield return SessionResult.Refused(SessionRefusalCodes.InvalidState);
        foreach (var e in new Enum[] { CardBrand.Visa, PostalCodeRegion.Uk, GatewayOutcome.Approved, RecurringInterval.Week, PaymentIntent.Recurring, SessionStatus.Ready, CardField.CardNumber, FieldState.Complete })
        {
            yield return e;
        }
    }

    private static IEnumerable<PaymentSession> Sessions()
    {
        foreach (var intent in Enum.GetValues<PaymentIntent>())
        {
            yield return SessionFactory.Create(intent: intent);
            yield return Keyed(intent, Number[..10]);
            yield return Keyed(intent, Number, Expiry[..3]);
            yield return Keyed(intent, Number, Expiry, SecurityCode[..2]);
            var ready = Keyed(intent, Number, Expiry, SecurityCode);
            yield return ready;
            yield return PaymentSession.Restore(ready.ToView(), new PaymentSessionOptions(), SessionFactory.Clock());

            var submitting = Keyed(intent, Number, Expiry, SecurityCode);
            submitting.BeginSubmit(out _);
            yield return submitting;

            var succeeded = Keyed(intent, Number, Expiry, SecurityCode);
            succeeded.BeginSubmit(out _);
            succeeded.CompleteSubmit(GatewayResult.Approved("pi_1", "A1"));
            yield return succeeded;

            var declined = Keyed(intent, Number, Expiry, SecurityCode);
            declined.BeginSubmit(out _);
            declined.CompleteSubmit(GatewayResult.Declined(DeclineCodes.CardDeclined));
            yield return declined;

            var cancelled = Keyed(intent, Number, Expiry, SecurityCode);
            cancelled.Cancel();
            yield return cancelled;

            var clock = SessionFactory.Clock();
            var expired = Keyed(intent, Number, Expiry, SecurityCode, clock);
            clock.Advance(TimeSpan.FromHours(1));
            expired.ExpireIfDue();
            yield return expired;

            var tooMany = SessionFactory.Create(intent: intent);
            for (var i = 0; i < 3; i++)
            {
                tooMany.Key(CardField.CardNumber, Number[..15] + "0#");
            }

            yield return tooMany;

            // Double entry: the first entry is held aside while the second is keyed.
            var confirming = SessionFactory.Create(intent: intent, options: new PaymentSessionOptions { RequireMatchingInputs = true });
            confirming.Key(CardField.CardNumber, Number);
            yield return confirming;
        }
    }

    private const string BankSortCode = "089999";
    private const string BankAccount = "66374958";

    private static IEnumerable<PaymentSession> BankSessions()
    {
        var options = new PaymentSessionOptions
        {
            Fields = PciCloud.Payments.Banks.BankFields.For(PostalCodeRegion.Uk),
            Validation = new CardValidationOptions { PostalRegion = PostalCodeRegion.Uk },
            RequireMatchingInputs = true,
        };
        var partial = SessionFactory.Create(options: options);
        partial.Key(CardField.SortCode, BankSortCode);
        partial.Key(CardField.AccountNumber, BankAccount); // first entry held aside
        yield return partial;

        var ready = SessionFactory.Create(options: options);
        ready.Key(CardField.SortCode, BankSortCode);
        ready.Key(CardField.AccountNumber, BankAccount + BankAccount);
        ready.Confirm("direct_debit_guarantee");
        Assert.Equal(SessionStatus.Ready, ready.Status);
        yield return ready;
    }

    private static PaymentSession Keyed(PaymentIntent intent, string number, string? expiry = null, string? code = null, Microsoft.Extensions.Time.Testing.FakeTimeProvider? clock = null)
    {
        var session = SessionFactory.Create(clock, intent);
        session.Key(CardField.CardNumber, number);
        if (expiry is not null)
        {
            session.Key(CardField.Expiry, expiry);
        }

        if (code is not null)
        {
            session.Key(CardField.SecurityCode, code);
        }

        return session;
    }
}
