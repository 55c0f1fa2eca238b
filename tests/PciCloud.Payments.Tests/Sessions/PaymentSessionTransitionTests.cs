using System.Text.Json;
using PciCloud.Payments.Gateways;
using PciCloud.Payments.Sessions;

namespace PciCloud.Payments.Tests.Sessions;

/// <summary>
/// Every command in every status: accepted where the state machine allows it, otherwise refused
/// with the expected reason and with nothing changed (same view, same buffers).
/// </summary>
public sealed class PaymentSessionTransitionTests
{
    private const string Ok = "";

    public static TheoryData<SessionStatus, string, string> Table()
    {
        // command order: capture, digit, hash, reset, cancel, submit, complete, update
        var expected = new Dictionary<SessionStatus, string[]>
        {
            [SessionStatus.Created] = [Ok, "not_capturing", "not_capturing", Ok, Ok, "not_ready", "invalid_state", Ok],
            [SessionStatus.Capturing] = [Ok, Ok, Ok, Ok, Ok, "not_ready", "invalid_state", Ok],
            [SessionStatus.Ready] = ["field_already_complete", "not_capturing", "not_capturing", Ok, Ok, Ok, "invalid_state", Ok],
            [SessionStatus.Submitting] = ["invalid_state", "invalid_state", "invalid_state", "invalid_state", "invalid_state", "invalid_state", Ok, "invalid_state"],
            [SessionStatus.Succeeded] = ["invalid_state", "invalid_state", "invalid_state", "invalid_state", "invalid_state", "invalid_state", "invalid_state", "invalid_state"],
            [SessionStatus.Failed] = ["invalid_state", "invalid_state", "invalid_state", "invalid_state", "invalid_state", "invalid_state", "invalid_state", "invalid_state"],
            [SessionStatus.Cancelled] = ["invalid_state", "invalid_state", "invalid_state", "invalid_state", "invalid_state", "invalid_state", "invalid_state", "invalid_state"],
            // Outcome unknown: nothing but a definite gateway answer (complete) moves it; never a second submit.
            [SessionStatus.Reconciling] = ["invalid_state", "invalid_state", "invalid_state", "invalid_state", "invalid_state", "invalid_state", Ok, "invalid_state"],
            [SessionStatus.Expired] = ["session_expired", "session_expired", "session_expired", "session_expired", "session_expired", "session_expired", "invalid_state", "session_expired"],
        };
        var data = new TheoryData<SessionStatus, string, string>();
        foreach (var (status, outcomes) in expected)
        {
            for (var i = 0; i < Commands.Length; i++)
            {
                data.Add(status, Commands[i], outcomes[i]);
            }
        }

        return data;
    }

    private static readonly string[] Commands = ["capture", "digit", "hash", "reset", "cancel", "submit", "complete", "update"];

    [Theory]
    [MemberData(nameof(Table))]
    public void Command_InStatus(SessionStatus status, string command, string expectedRefusal)
    {
        var session = InStatus(status);
        var before = Snapshot(session);

        var result = Run(session, command);

        if (expectedRefusal == Ok)
        {
            Assert.True(result.IsAccepted, $"{command} in {status}: {result.Reason}");
        }
        else
        {
            Assert.Equal(expectedRefusal, result.Reason);
            Assert.Equal(before, Snapshot(session));
        }
    }

    [Fact]
    public void EveryStatus_IsCoveredByTheTable() =>
        Assert.Equal(Enum.GetValues<SessionStatus>().Length * Commands.Length, Table().Count);

    [Fact]
    public void HashOnAnEmptyField_IsRefused_AndChangesNothing()
    {
        var session = SessionFactory.Create();
        session.StartCapture(CardField.CardNumber);
        var before = Snapshot(session);

        Assert.Equal(SessionRefusalCodes.FieldEmpty, session.AppendDigit('#').Reason);
        Assert.Equal(before, Snapshot(session));
    }

    [Theory]
    [InlineData('a')]
    [InlineData('A')]
    [InlineData(' ')]
    [InlineData('\0')]
    [InlineData('٣')]
    public void UnknownKeys_AreRefused_AndChangeNothing(char key)
    {
        var session = SessionFactory.Create();
        session.Key(CardField.CardNumber, "42");
        var before = Snapshot(session);

        Assert.Equal(SessionRefusalCodes.InvalidKey, session.AppendDigit(key).Reason);
        Assert.Equal(before, Snapshot(session));
    }

    [Fact]
    public void UnconfiguredField_IsRefused_AndChangesNothing()
    {
        var session = SessionFactory.Create();
        var before = Snapshot(session);

        Assert.Equal(SessionRefusalCodes.FieldNotConfigured, session.StartCapture(CardField.PostalCode).Reason);
        Assert.Equal(SessionRefusalCodes.FieldNotConfigured, session.Reset(CardField.PostalCode).Reason);
        Assert.Equal(SessionRefusalCodes.FieldNotConfigured, session.SetPostalCode("94103").Reason);
        Assert.Equal(before, Snapshot(session));
    }

    private static SessionResult Run(PaymentSession session, string command) => command switch
    {
        "capture" => session.StartCapture(CardField.CardNumber),
        "digit" => session.AppendDigit('4'),
        "hash" => session.AppendDigit('#'),
        "reset" => session.Reset(CardField.CardNumber),
        "cancel" => session.Cancel(),
        "submit" => session.BeginSubmit(out _),
        "complete" => session.CompleteSubmit(GatewayResult.Approved("pi_x")),
        _ => session.UpdateDetails(description: "new description"),
    };

    private static PaymentSession InStatus(SessionStatus status)
    {
        var clock = SessionFactory.Clock();
        PaymentSession session;
        switch (status)
        {
            case SessionStatus.Created:
                return SessionFactory.Create(clock);
            case SessionStatus.Capturing:
                session = SessionFactory.Create(clock);
                session.Key(CardField.CardNumber, "42");
                return session;
            case SessionStatus.Ready:
                return SessionFactory.Ready(clock: clock);
            case SessionStatus.Submitting:
                session = SessionFactory.Ready(clock: clock);
                session.BeginSubmit(out _);
                return session;
            case SessionStatus.Succeeded or SessionStatus.Failed:
                session = SessionFactory.Ready(clock: clock);
                session.BeginSubmit(out _);
                session.CompleteSubmit(status == SessionStatus.Succeeded ? GatewayResult.Approved("pi_1") : GatewayResult.Declined(DeclineCodes.CardDeclined));
                return session;
            case SessionStatus.Cancelled:
                session = SessionFactory.Ready(clock: clock);
                session.Cancel();
                return session;
            case SessionStatus.Reconciling:
                session = SessionFactory.Ready(clock: clock);
                session.BeginSubmit(out _);
                session.MarkOutcomeUnknown();
                return session;
            default:
                session = SessionFactory.Ready(clock: clock);
                clock.Advance(TimeSpan.FromMinutes(11));
                session.ExpireIfDue();
                return session;
        }
    }

    private static string Snapshot(PaymentSession session) =>
        JsonSerializer.Serialize(session.ToView()) + string.Join(",", session.Buffers.Select(b => b.Length));
}
