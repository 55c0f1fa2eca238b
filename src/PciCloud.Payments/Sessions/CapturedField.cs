using PciCloud.Payments.Cards;

namespace PciCloud.Payments.Sessions;

/// <summary>One field of a session: its buffer, state and attempts. Internal: only the masked view leaves.</summary>
internal sealed class CapturedField(CardField field, int capacity, int attempts, bool doubleEntry)
{
    public CardField Field { get; } = field;

    public SensitiveDigits Digits { get; } = new(capacity);

    /// <summary>Double entry only: the first entry, kept until the second is compared with it.</summary>
    public SensitiveDigits? FirstEntry { get; } = doubleEntry ? new(capacity) : null;

    /// <summary>True while the second entry of a double-entry field is being keyed.</summary>
    public bool Confirming { get; set; }

    /// <summary>When capture of this field started or its last key arrived (for the input timeout).</summary>
    public DateTimeOffset LastKeyAt { get; set; }

    public FieldState State { get; set; } = FieldState.Empty;

    /// <summary>Digits keyed, kept after an invalid completion wipes them (the agent sees how many were typed).</summary>
    public int DisplayLength { get; set; }

    public int AttemptsLeft { get; set; } = attempts;

    public string? Error { get; set; }

    public bool Lost { get; set; }

    /// <summary>Set on a complete, valid card number: what may be displayed.</summary>
    public CardBrand? Brand { get; set; }

    public string? Last4 { get; set; }

    /// <summary>A postal code the agent typed (not card data).</summary>
    public string? AgentValue { get; set; }

    public bool IsCompleteAndValid => State == FieldState.Complete;

    public void Clear()
    {
        Digits.Wipe();
        FirstEntry?.Wipe();
        Confirming = false;
        State = FieldState.Empty;
        DisplayLength = 0;
        Error = null;
        Lost = false;
        Brand = null;
        Last4 = null;
        AgentValue = null;
    }

    public MaskedField ToMasked() => new(Field, State, State == FieldState.Capturing ? Digits.Length : DisplayLength, AttemptsLeft)
    {
        Brand = State == FieldState.Complete ? Brand : null,
        Last4 = State == FieldState.Complete ? Last4 : null,
        Error = State == FieldState.Invalid ? Error : null,
        Lost = Lost,
        Confirming = State == FieldState.Capturing && Confirming,
    };
}
