using PciCloud.Payments.Cards;

namespace PciCloud.Payments.Sessions;

/// <summary>Per-tenant session settings.</summary>
public sealed record PaymentSessionOptions
{
    public static IReadOnlyList<CardField> DefaultFields { get; } = [CardField.CardNumber, CardField.Expiry, CardField.SecurityCode];

    public static TimeSpan MinInputTimeout { get; } = TimeSpan.FromSeconds(1);

    public static TimeSpan MaxInputTimeout { get; } = TimeSpan.FromSeconds(60);

    /// <summary>Must contain card_number and expiry, each field at most once.</summary>
    public IReadOnlyList<CardField> Fields { get; init; } = DefaultFields;

    public int AttemptsPerField { get; init; } = 3;

    /// <summary>Longest allowed wait for a key while a field is capturing (inter-digit); null: no limit but the session's inactivity timeout.</summary>
    public TimeSpan? InputTimeout { get; init; }

    /// <summary>Double entry: the card number is keyed twice and must match (a mismatch uses an attempt).</summary>
    public bool RequireMatchingInputs { get; init; }

    public TimeSpan InactivityTimeout { get; init; } = TimeSpan.FromMinutes(10);

    public CardValidationOptions Validation { get; init; } = new();

    /// <summary>Null when the options are usable, else what is wrong with them (for an invalid_request answer).</summary>
    public string? Problem()
    {
        if (Fields.Any(Banks.BankFields.IsBankField))
        {
            // A bank session: exactly its region's bank fields, never a card field.
            var bank = Banks.BankFields.For(Validation.PostalRegion);
            if (Fields.Count != bank.Count || !bank.All(Fields.Contains))
            {
                return $"bank fields must be exactly this region's: {string.Join(", ", bank.Select(f => f.ToApiName()))}.";
            }
        }
        else if (!Fields.Contains(CardField.CardNumber) || !Fields.Contains(CardField.Expiry))
        {
            return "fields must include card_number and expiry.";
        }

        if (Fields.Distinct().Count() != Fields.Count || Fields.Any(f => !Enum.IsDefined(f)))
        {
            return "fields must be distinct known fields.";
        }

        if (AttemptsPerField is < 1 or > 10)
        {
            return "attempts per field must be between 1 and 10.";
        }

        if (InputTimeout is { } t && (t < MinInputTimeout || t > MaxInputTimeout))
        {
            return $"the input timeout must be between {MinInputTimeout.TotalSeconds} and {MaxInputTimeout.TotalSeconds} seconds.";
        }

        return InactivityTimeout <= TimeSpan.Zero ? "the inactivity timeout must be positive." : null;
    }
}
