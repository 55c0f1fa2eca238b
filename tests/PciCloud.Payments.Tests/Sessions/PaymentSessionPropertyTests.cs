using System.Text.Json;
using CsCheck;
using PciCloud.Payments.Gateways;
using PciCloud.Payments.Sessions;

namespace PciCloud.Payments.Tests.Sessions;

/// <summary>Random command sequences: the session's invariants hold after every step.</summary>
public sealed class PaymentSessionPropertyTests
{
    private static readonly Gen<(int Op, int Arg)> Command = Gen.Select(Gen.Int[0, 9], Gen.Int[0, 15]);

    [Fact]
    public void RandomCommands_KeepTheInvariants() =>
        Command.Array[1, 80].Sample(commands =>
        {
            var clock = SessionFactory.Clock();
            var options = new PaymentSessionOptions { Fields = [CardField.CardNumber, CardField.Expiry, CardField.SecurityCode, CardField.PostalCode] };
            var session = SessionFactory.Create(clock, options: options);
            foreach (var (op, arg) in commands)
            {
                var before = JsonSerializer.Serialize(session.ToView()) + string.Join(",", session.Buffers.Select(b => b.Length));
                var result = Apply(session, clock, op, arg);
                if (!result.IsAccepted && result.Reason != SessionRefusalCodes.SessionExpired)
                {
                    Assert.Equal(before, JsonSerializer.Serialize(session.ToView()) + string.Join(",", session.Buffers.Select(b => b.Length)));
                }

                AssertInvariants(session);
            }
        }, iter: 300);

    private static SessionResult Apply(PaymentSession session, Microsoft.Extensions.Time.Testing.FakeTimeProvider clock, int op, int arg)
    {
        var field = (CardField)(arg % 4);
        switch (op)
        {
            case 0:
                return session.StartCapture(field);
            case 1 or 2 or 3 or 4:
                return session.AppendDigit("4242424242424242123#*0"[arg % 22 == 21 ? 21 : arg]);
            case 5:
                return session.Reset(field);
            case 6:
                clock.Advance(TimeSpan.FromMinutes(arg));
                session.ExpireIfDue();
                return SessionResult.Accepted;
            case 7:
                return session.BeginSubmit(out _);
            case 8:
                return session.CompleteSubmit(arg % 2 == 0 ? GatewayResult.Approved("pi_1") : GatewayResult.Declined(DeclineCodes.CardDeclined));
            default:
                return arg == 0 ? session.Cancel() : session.AppendDigit((char)('0' + (arg % 10)));
        }
    }

    private static void AssertInvariants(PaymentSession session)
    {
        var view = session.ToView();
        foreach (var field in view.Fields)
        {
            Assert.All(field.Masked, c => Assert.Equal('*', c));
            Assert.InRange(field.AttemptsLeft, 0, 3);
            if (field.Last4 is not null || field.Brand is not null)
            {
                Assert.Equal(CardField.CardNumber, field.Field);
                Assert.Equal(FieldState.Complete, field.State);
            }

            Assert.Equal(field.State == FieldState.Invalid, field.Error is not null);
        }

        Assert.Equal(view.CapturingField is not null, view.Fields.Any(f => f.State == FieldState.Capturing));
        if (session.Status == SessionStatus.Ready)
        {
            Assert.All(view.Fields, f => Assert.Equal(FieldState.Complete, f.State));
        }

        if (session.IsFinal)
        {
            Assert.All(session.Buffers, b => Assert.True(b.IsZeroed));
        }

        if (view.Fields.Any(f => f.AttemptsLeft == 0))
        {
            Assert.Equal(SessionStatus.Failed, session.Status);
        }
    }
}
