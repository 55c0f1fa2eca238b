using System.Diagnostics;
using System.Text.Json.Serialization;
using PciCloud.Payments.Cards;
using PciCloud.Payments.Money;

namespace PciCloud.Payments.Sessions;

/// <summary>
/// The payment-session state machine (API.md). Pure: driven by commands and an injected clock,
/// no I/O. Every command returns a <see cref="SessionResult"/>; a refused one changes nothing.
/// Card data lives only in this object's buffers until submit, cancel, failure or expiry wipes
/// them. Not thread-safe: one owner (a grain activation) drives it. Not serializable: persist
/// <see cref="ToView"/> and rebuild with <see cref="Restore"/>.
/// </summary>
[JsonConverter(typeof(RefuseSerializationConverter<PaymentSession>))]
[DebuggerDisplay("{ToString(),nq}")]
public sealed partial class PaymentSession
{
    private readonly TimeProvider _time;
    private readonly CardValidator _validator;
    private readonly CapturedField[] _fields;

    public PaymentSession(string id, PaymentIntent intent, MoneyAmount? amount, PaymentSessionOptions options, TimeProvider time)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        if (options.Problem() is { } problem)
        {
            throw new ArgumentException(problem, nameof(options));
        }

        if (!IsAmountAllowed(intent, amount))
        {
            throw new ArgumentException("A positive amount is required for this intent.", nameof(amount));
        }

        Id = id;
        Intent = intent;
        Amount = amount;
        Options = options;
        _time = time;
        _validator = new CardValidator(options.Validation, time);
        _fields = [.. options.Fields.Select(f => new CapturedField(f, CapacityOf(f), options.AttemptsPerField, options.RequireMatchingInputs && IsDoubleEntryField(f)))];
        CreatedAt = LastActivityAt = time.GetUtcNow();
    }

    public string Id { get; }

    public PaymentIntent Intent { get; }

    public PaymentSessionOptions Options { get; }

    public SessionStatus Status { get; private set; } = SessionStatus.Created;

    public MoneyAmount? Amount { get; private set; }

    public string? Description { get; private set; }

    public string? Reference { get; private set; }

    public CardField? CapturingField { get; private set; }

    public string? FailureReason { get; private set; }

    public SessionOutcome? Outcome { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset LastActivityAt { get; private set; }

    public DateTimeOffset ExpiresAt => LastActivityAt + Options.InactivityTimeout;

    /// <summary>Created, capturing or ready: the agent can still act on it.</summary>
    public bool IsOpen => Status is SessionStatus.Created or SessionStatus.Capturing or SessionStatus.Ready;

    public bool IsFinal => Status is SessionStatus.Succeeded or SessionStatus.Failed or SessionStatus.Cancelled or SessionStatus.Expired;

    public MaskedField GetField(CardField field) => Find(field)?.ToMasked() ?? throw new ArgumentException("The field is not configured.", nameof(field));

    public PaymentSessionView ToView() => new()
    {
        Id = Id,
        Intent = Intent,
        Status = Status,
        Amount = Amount,
        Description = Description,
        Reference = Reference,
        Fields = [.. _fields.Select(f => f.ToMasked())],
        CapturingField = CapturingField,
        FailureReason = FailureReason,
        Outcome = Outcome,
        CreatedAt = CreatedAt,
        LastActivityAt = LastActivityAt,
        ExpiresAt = ExpiresAt,
        ConfirmedAt = ConfirmedAt,
    };

    /// <summary>
    /// Expires the session when it has been open and idle for the inactivity timeout, wiping the
    /// card data. Returns true when this call expired it. Every command checks this first too.
    /// </summary>
    public bool ExpireIfDue()
    {
        if (!IsOpen || _time.GetUtcNow() < ExpiresAt)
        {
            return false;
        }

        Status = SessionStatus.Expired;
        StopCapturing();
        WipeAll();
        return true;
    }

    public override string ToString() => $"PaymentSession({Id}, {Intent}, {Status}, card data redacted)";

    /// <summary>The buffers, for tests that prove wiping.</summary>
    internal IEnumerable<SensitiveDigits> Buffers => _fields.SelectMany(f => f.FirstEntry is { } first ? new[] { f.Digits, first } : [f.Digits]);

    /// <summary>The fields double entry applies to: the account-identifying number.</summary>
    private static bool IsDoubleEntryField(CardField field) => field is CardField.CardNumber or CardField.AccountNumber;

    private static bool IsAmountAllowed(PaymentIntent intent, MoneyAmount? amount) =>
        amount is { MinorUnits: > 0 } || (intent == PaymentIntent.Tokenize && amount is null or { MinorUnits: 0 });

    private int CapacityOf(CardField field) => field switch
    {
        _ when Banks.BankFields.IsBankField(field) => Banks.BankFields.Capacity(field, Options.Validation.PostalRegion),
        CardField.CardNumber => CardBrandRules.MaxLength,
        CardField.Expiry => 4,
        CardField.SecurityCode => 4,
        _ => Math.Max(1, PostalCodeRules.MaxKeyedLength(Options.Validation.PostalRegion)),
    };

    private CapturedField? Find(CardField field) => Array.Find(_fields, f => f.Field == field);

    private void Touch() => LastActivityAt = _time.GetUtcNow();

    /// <summary>A field left half-keyed when the session ends goes back to empty.</summary>
    private void StopCapturing()
    {
        if (CapturingField is { } field)
        {
            Find(field)!.Clear();
            CapturingField = null;
        }
    }

    private void WipeAll()
    {
        foreach (var field in _fields)
        {
            field.Digits.Wipe();
            field.FirstEntry?.Wipe();
        }
    }

    /// <summary>Expires first if due; then refuses unless the session is open.</summary>
    private SessionResult? RefuseUnlessOpen()
    {
        if (ExpireIfDue())
        {
            return SessionResult.Refused(SessionRefusalCodes.SessionExpired);
        }

        TimeOutInputIfDue();

        return IsOpen ? null : SessionResult.Refused(Status == SessionStatus.Expired ? SessionRefusalCodes.SessionExpired : SessionRefusalCodes.InvalidState);
    }

    /// <summary>Capturing, or ready once every field is complete and valid.</summary>
    private void RecomputeOpenStatus() =>
        Status = Array.TrueForAll(_fields, f => f.IsCompleteAndValid) ? SessionStatus.Ready : SessionStatus.Capturing;
}
