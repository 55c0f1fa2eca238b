using System.Runtime.InteropServices;
using System.Security.Cryptography;
using PciCloud.Payments.Cards;

namespace PciCloud.Payments.Sessions;

/// <summary>Per-session controls: the inter-digit input timeout and double entry (API.md "Per-session controls").</summary>
public sealed partial class PaymentSession
{
    /// <summary>When the field being captured times out if no key arrives; null without an input timeout or capture.</summary>
    public DateTimeOffset? InputDeadline =>
        IsOpen && Options.InputTimeout is { } timeout && CapturingField is { } capturing ? Find(capturing)!.LastKeyAt + timeout : null;

    /// <summary>
    /// Marks the capturing field <see cref="CardErrorCodes.InputTimeout"/> when no key came within the
    /// input timeout: its digits are wiped, capture stops and an attempt is used (the last one fails the
    /// session). Returns true when this call timed it out. Every command checks this first too.
    /// </summary>
    public bool TimeOutInputIfDue()
    {
        if (InputDeadline is not { } deadline || _time.GetUtcNow() < deadline)
        {
            return false;
        }

        var field = Find(CapturingField!.Value)!;
        CapturingField = null;
        field.DisplayLength = field.Digits.Length;
        UseAttempt(field, CardErrorCodes.InputTimeout);
        Touch();
        return true;
    }

    /// <summary>
    /// Double entry. First entry (valid): kept aside, the field captures the second entry. Second entry:
    /// true when it equals the first; else the field is <see cref="CardErrorCodes.InputsDoNotMatch"/> and
    /// an attempt is used. Both entries are wiped once compared.
    /// </summary>
    private bool MatchesFirstEntry(CapturedField field)
    {
        var first = field.FirstEntry!;
        if (!field.Confirming)
        {
            foreach (var digit in field.Digits.Span)
            {
                first.TryAppend(digit);
            }

            field.Digits.Wipe();
            field.Confirming = true;
            field.State = FieldState.Capturing;
            field.DisplayLength = 0;
            CapturingField = field.Field;
            return false;
        }

        // Constant time: how far the entries agree must not show in timing.
        var same = first.Length == field.Digits.Length
            && CryptographicOperations.FixedTimeEquals(
                MemoryMarshal.AsBytes(first.Span),
                MemoryMarshal.AsBytes(field.Digits.Span));
        first.Wipe();
        field.Confirming = false;
        if (!same)
        {
            UseAttempt(field, CardErrorCodes.InputsDoNotMatch);
        }

        return same;
    }

    /// <summary>The field becomes invalid with <paramref name="error"/> and loses an attempt; the last one fails the session.</summary>
    private void UseAttempt(CapturedField field, string error)
    {
        MarkInvalid(field, error);
        field.FirstEntry?.Wipe();
        field.Confirming = false;
        field.AttemptsLeft--;
        if (field.AttemptsLeft <= 0)
        {
            Status = SessionStatus.Failed;
            FailureReason = SessionFailureCodes.TooManyAttempts;
            WipeAll();
            return;
        }

        RecomputeOpenStatus();
    }
}
