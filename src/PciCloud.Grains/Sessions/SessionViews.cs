using PciCloud.Contracts.Sessions;
using PciCloud.Payments.Banks;
using PciCloud.Payments.Cards;
using PciCloud.Payments.Gateways;
using PciCloud.Payments.Sessions;
using SessionResult = PciCloud.Contracts.Sessions.SessionResult;
using ContractView = PciCloud.Contracts.Sessions.PaymentSessionView;
using MaskedView = PciCloud.Payments.Sessions.PaymentSessionView;

namespace PciCloud.Grains.Sessions;

/// <summary>Maps the payments library's masked view to the API's session shape (API.md).</summary>
internal static class SessionViews
{
    public static string Lower<T>(T value) where T : struct, Enum => value.ToString().ToLowerInvariant();

    public static ContractView ToContract(MaskedView v, PaymentSessionState s)
    {
        var c = s.Create!;
        var fields = v.Fields.ToDictionary(f => f.Field.ToApiName(), f => new FieldView(
            Lower(f.State), f.Length, f.Masked, f.Brand is { } b ? b.ToApiName() : null, f.Last4, f.Error, f.AttemptsLeft) { Confirming = f.Confirming });
        return new ContractView(v.Id, c.TenantId, c.CallId, Lower(v.Intent), Lower(v.Status),
            v.Amount?.MinorUnits, v.Amount?.Currency.Code ?? c.Currency, v.Description, v.Reference, c.AgentId, c.AgentCanRefund,
            fields, Result(v), v.CreatedAt, v.ExpiresAt, s.Version, v.CapturingField?.ToApiName(), s.CaptureInterrupted, s.DigitsLost, s.FinishedAt)
        {
            Controls = c.ControlsOrDefault,
            AcceptedBrands = c.AcceptedBrands,
            ConfirmationRequired = v.Fields.Any(f => BankFields.IsBankField(f.Field)) ? BankFields.Confirmation(SessionOptionsFactory.RegionOf(c)) : null,
            ConfirmedAt = v.ConfirmedAt,
        };
    }

    /// <summary>Our ids for the gateway's objects: derived from the session id (one session, one payment).</summary>
    public static string Suffix(string sessionId) => sessionId.StartsWith("ps_", StringComparison.Ordinal) ? sessionId[3..] : sessionId;

    private static SessionResult? Result(MaskedView v)
    {
        if (v.Outcome is { } o)
        {
            var approved = o.Outcome == GatewayOutcome.Approved;
            var suffix = Suffix(v.Id);
            return new SessionResult(Lower(o.Outcome),
                PaymentId: approved && o.PaymentReference is not null ? $"pay_{suffix}" : null,
                TokenId: approved && o.TokenReference is not null ? $"tok_{suffix}" : null,
                ScheduleId: approved && v.Intent == PaymentIntent.Recurring ? $"sch_{suffix}" : null,
                AuthorizationCode: o.AuthorizationCode, DeclineCode: o.DeclineCode, Message: o.Message);
        }

        return v.Status == SessionStatus.Failed
            ? new SessionResult("error", Message: v.FailureReason == SessionFailureCodes.TooManyAttempts
                ? "Too many invalid attempts: start a new session." : v.FailureReason)
            : null;
    }
}
