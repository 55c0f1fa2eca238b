using Microsoft.Extensions.Time.Testing;
using PciCloud.Payments.Money;
using PciCloud.Payments.Sessions;

namespace PciCloud.Payments.Tests;

/// <summary>Builds sessions on a fake clock (2026-06-15) and keys digits into them.</summary>
internal static class SessionFactory
{
    public static readonly DateTimeOffset Now = new(2026, 6, 15, 12, 0, 0, TimeSpan.Zero);

    public static FakeTimeProvider Clock() => new(Now);

    public static PaymentSession Create(
        FakeTimeProvider? clock = null,
        PaymentIntent intent = PaymentIntent.Charge,
        PaymentSessionOptions? options = null) =>
        new("ps_test", intent, intent == PaymentIntent.Tokenize ? null : new MoneyAmount(1999, Currency.Parse("GBP")), options ?? new PaymentSessionOptions(), clock ?? Clock());

    /// <summary>Starts capture of the field and keys every character; asserts each was accepted.</summary>
    public static void Key(this PaymentSession session, CardField field, string keys)
    {
        Assert.True(session.StartCapture(field).IsAccepted);
        foreach (var key in keys)
        {
            var result = session.AppendDigit(key);
            Assert.True(result.IsAccepted, $"key refused: {result.Reason}");
        }
    }

    /// <summary>A session with every default field complete and valid.</summary>
    public static PaymentSession Ready(string number = "4242424242424242", FakeTimeProvider? clock = null, PaymentIntent intent = PaymentIntent.Charge, string securityCode = "123")
    {
        var session = Create(clock, intent);
        session.Key(CardField.CardNumber, number);
        session.Key(CardField.Expiry, "1229");
        session.Key(CardField.SecurityCode, securityCode);
        Assert.Equal(SessionStatus.Ready, session.Status);
        return session;
    }
}
