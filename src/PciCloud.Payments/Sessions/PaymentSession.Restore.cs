namespace PciCloud.Payments.Sessions;

public sealed partial class PaymentSession
{
    /// <summary>
    /// Rebuilds a session from its persisted masked view (after its grain activation was lost).
    /// Card data does not survive: in an open session every field that was capturing or complete
    /// comes back empty with <see cref="MaskedField.Lost"/> set, and must be keyed again. Attempts,
    /// invalid fields, times, amount and outcome come back as they were. A session that was
    /// submitting stays submitting: reconcile it with the gateway (lookup by idempotency key),
    /// then <see cref="CompleteSubmit(SessionOutcome)"/>.
    /// </summary>
    public static PaymentSession Restore(PaymentSessionView view, PaymentSessionOptions options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(options);
        var session = new PaymentSession(view.Id, view.Intent, view.Amount, options with { Fields = [.. view.Fields.Select(f => f.Field)] }, time)
        {
            Description = view.Description,
            Reference = view.Reference,
            FailureReason = view.FailureReason,
            Outcome = view.Outcome,
            CreatedAt = view.CreatedAt,
            LastActivityAt = view.LastActivityAt,
            ConfirmedAt = view.ConfirmedAt,
        };

        var wasOpen = view.Status is SessionStatus.Created or SessionStatus.Capturing or SessionStatus.Ready;
        foreach (var masked in view.Fields)
        {
            var field = session.Find(masked.Field)!;
            field.AttemptsLeft = masked.AttemptsLeft;
            field.Error = masked.Error;
            field.DisplayLength = masked.Length;
            field.State = masked.State;
            field.Brand = masked.Brand;
            field.Last4 = masked.Last4;
            field.Lost = masked.Lost;
            if (wasOpen && masked.State is FieldState.Capturing or FieldState.Complete)
            {
                field.Clear();
                field.Lost = true;
            }
            else if (!wasOpen && masked.State == FieldState.Capturing)
            {
                field.State = FieldState.Empty;
            }
        }

        session.Status = view.Status switch
        {
            SessionStatus.Ready => SessionStatus.Capturing,
            var status => status,
        };
        return session;
    }
}
