using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orleans.Serialization;
using PciCloud.Contracts.Sessions;
using PciCloud.Grains.Sessions;
using PciCloud.Payments.Cards;
using PciCloud.Payments.Money;
using PciCloud.Payments.Sessions;

namespace PciCloud.Region.Tests.Serialization;

/// <summary>
/// Card data cannot cross Orleans serialization (no codec exists for it), and what the session
/// grain persists after the test card was keyed carries none of its digits.
/// </summary>
public sealed class CardDataOrleansSerializationTests : IDisposable
{
    private const string Pan = "4242424242424242";
    private const string Expiry = "1230";
    private const string SecurityCode = "123";
    private readonly ServiceProvider _services;
    private readonly Serializer _serializer;

    public CardDataOrleansSerializationTests()
    {
        _services = new ServiceCollection()
            .AddSerializer(s => s.AddAssembly(typeof(PaymentSessionState).Assembly).AddAssembly(typeof(SessionCreate).Assembly))
            .BuildServiceProvider();
        _serializer = _services.GetRequiredService<Serializer>();
    }

    public void Dispose() => _services.Dispose();

    [Fact]
    public void Sensitive_digits_are_refused()
    {
        using var digits = SensitiveDigits.FromDigits(Pan, Pan.Length);

        Assert.Throws<CodecNotFoundException>(() => _serializer.SerializeToArray(digits));
    }

    [Fact]
    public void Card_details_are_refused()
    {
        using var card = CardDetails.Create(Pan, Expiry, SecurityCode);

        Assert.Throws<CodecNotFoundException>(() => _serializer.SerializeToArray(card));
    }

    [Fact]
    public void The_persisted_session_state_after_keying_the_test_card_holds_no_card_digits()
    {
        var session = new PaymentSession("ps_serialization", PaymentIntent.Charge, new MoneyAmount(1999, Currency.Parse("GBP")),
            new PaymentSessionOptions(), new FakeTimeProvider(new DateTimeOffset(2026, 6, 15, 10, 0, 0, TimeSpan.Zero)));
        Key(session, CardField.CardNumber, Pan);
        Key(session, CardField.Expiry, Expiry);
        Key(session, CardField.SecurityCode, SecurityCode);
        Assert.Equal(SessionStatus.Ready, session.Status);

        // Built the way PaymentSessionGrain builds what it writes to grain storage.
        var state = new PaymentSessionState
        {
            Create = new SessionCreate("ten_a", "call_a", "charge", 1999, "GBP", null, null, "agent_a", false,
                ["cardNumber", "expiry", "securityCode"], null, "uk", "stripe", ["visa"]),
            ViewJson = JsonSerializer.Serialize(session.ToView()),
            Version = 4,
        };

        var bytes = _serializer.SerializeToArray(state);
        var text = Encoding.UTF8.GetString(bytes);

        Assert.Contains("\"last4\":\"4242\"", state.ViewJson!, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(state.ViewJson, _serializer.Deserialize<PaymentSessionState>(bytes)!.ViewJson);
        Assert.DoesNotContain(Pan, text, StringComparison.Ordinal);
        Assert.DoesNotContain(Expiry, text, StringComparison.Ordinal);
        Assert.DoesNotContain(SecurityCode, text, StringComparison.Ordinal);
        session.WipeCardData();
    }

    private static void Key(PaymentSession session, CardField field, string keys)
    {
        Assert.True(session.StartCapture(field).IsAccepted);
        foreach (var key in keys)
        {
            Assert.True(session.AppendDigit(key).IsAccepted);
        }
    }
}
