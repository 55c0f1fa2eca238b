using PciCloud.Payments.Cards;

namespace PciCloud.Payments.Sessions;

public sealed partial class PaymentSession
{
    /// <summary>
    /// Starts capturing a field: digits keyed from now on go to it. A field that was being captured
    /// before is abandoned (its partial digits wiped, back to empty). Idempotent for the field
    /// already capturing. A complete field must be reset first.
    /// </summary>
    public SessionResult StartCapture(CardField field)
    {
        if (RefuseUnlessOpen() is { } refused)
        {
            return refused;
        }

        var target = Find(field);
        if (target is null)
        {
            return SessionResult.Refused(SessionRefusalCodes.FieldNotConfigured);
        }

        if ((field == CardField.PostalCode && !PostalCodeRules.IsKeyable(Options.Validation.PostalRegion)) || field == CardField.AccountType)
        {
            return SessionResult.Refused(SessionRefusalCodes.FieldNotKeyable);
        }

        if (target.State == FieldState.Complete)
        {
            return SessionResult.Refused(SessionRefusalCodes.FieldAlreadyComplete);
        }

        if (CapturingField != field)
        {
            if (CapturingField is { } previous)
            {
                Find(previous)!.Clear();
            }

            target.Clear();
            target.State = FieldState.Capturing;
            CapturingField = field;
        }

        target.LastKeyAt = _time.GetUtcNow();
        Status = SessionStatus.Capturing;
        Touch();
        return SessionResult.Accepted;
    }

    /// <summary>
    /// One keypad key for the field being captured: a digit appends (and may complete the field by
    /// itself, API.md), '#' completes it, '*' clears it.
    /// </summary>
    public SessionResult AppendDigit(char key)
    {
        if (RefuseUnlessOpen() is { } refused)
        {
            return refused;
        }

        if (!char.IsAsciiDigit(key) && key is not ('#' or '*'))
        {
            return SessionResult.Refused(SessionRefusalCodes.InvalidKey);
        }

        if (CapturingField is not { } capturing)
        {
            return SessionResult.Refused(SessionRefusalCodes.NotCapturing);
        }

        var field = Find(capturing)!;
        field.LastKeyAt = _time.GetUtcNow();
        switch (key)
        {
            case '*':
                field.Digits.Wipe();
                break;
            case '#' when field.Digits.IsEmpty:
                return SessionResult.Refused(SessionRefusalCodes.FieldEmpty);
            case '#':
                Complete(field);
                break;
            default:
                field.Digits.TryAppend(key);
                if (CompletesByItself(field))
                {
                    Complete(field);
                }

                break;
        }

        Touch();
        return SessionResult.Accepted;
    }

    /// <summary>Clears a field (wiping its digits) so it can be keyed again; attempts are not used.</summary>
    public SessionResult Reset(CardField field)
    {
        if (RefuseUnlessOpen() is { } refused)
        {
            return refused;
        }

        var target = Find(field);
        if (target is null)
        {
            return SessionResult.Refused(SessionRefusalCodes.FieldNotConfigured);
        }

        target.Clear();
        if (CapturingField == field)
        {
            CapturingField = null;
        }

        if (Status != SessionStatus.Created)
        {
            RecomputeOpenStatus();
        }

        Touch();
        return SessionResult.Accepted;
    }

    /// <summary>A postal code the agent typed (where postcodes are not keyable, e.g. the UK). Not card data.</summary>
    public SessionResult SetPostalCode(string? postalCode)
    {
        if (RefuseUnlessOpen() is { } refused)
        {
            return refused;
        }

        var target = Find(CardField.PostalCode);
        if (target is null)
        {
            return SessionResult.Refused(SessionRefusalCodes.FieldNotConfigured);
        }

        if (postalCode is null || postalCode.Length > 16 || _validator.ValidatePostalCode(postalCode.Trim()) is not null)
        {
            return SessionResult.Refused(CardErrorCodes.InvalidPostalCode);
        }

        target.Clear();
        target.AgentValue = PostalCodeRules.Normalize(Options.Validation.PostalRegion, postalCode);
        target.DisplayLength = target.AgentValue.Length;
        target.State = FieldState.Complete;
        if (CapturingField == CardField.PostalCode)
        {
            CapturingField = null;
        }

        RecomputeOpenStatus();
        Touch();
        return SessionResult.Accepted;
    }

    private bool CompletesByItself(CapturedField field)
    {
        var digits = field.Digits.Span;
        if (field.Digits.IsFull)
        {
            return true;
        }

        switch (field.Field)
        {
            case CardField.CardNumber:
                var brand = CardBrandRules.Detect(digits);
                return (brand != CardBrand.Unknown && digits.Length == CardBrandRules.UsualLength(brand) && Luhn.IsValid(digits))
                    || digits.Length >= CardBrandRules.LongestLength(brand);
            case CardField.SecurityCode:
                return KnownBrand() is { } known && digits.Length == CardBrandRules.SecurityCodeLength(known);
            case CardField.PostalCode:
                return digits.Length == PostalCodeRules.KeyedLength(Options.Validation.PostalRegion);
            default:
                return false; // expiry completes when its 4-char buffer is full
        }
    }

    /// <summary>The brand of a complete, valid card number; null until there is one.</summary>
    private CardBrand? KnownBrand() => Find(CardField.CardNumber) is { State: FieldState.Complete, Brand: { } brand } ? brand : null;

    private string? Validate(CapturedField field) => field.Field switch
    {
        _ when Banks.BankFields.IsBankField(field.Field) => Banks.BankFields.Validate(field.Field, field.Digits.Span, Options.Validation.PostalRegion),
        CardField.CardNumber => _validator.ValidateNumber(field.Digits.Span, out _),
        CardField.Expiry => _validator.ValidateExpiry(field.Digits.Span),
        CardField.SecurityCode => CardValidator.ValidateSecurityCode(field.Digits.Span, KnownBrand() ?? CardBrand.Unknown),
        _ => _validator.ValidatePostalCode(field.Digits.Span),
    };

    private void Complete(CapturedField field)
    {
        CapturingField = null;
        field.DisplayLength = field.Digits.Length;
        var error = Validate(field);
        if (error is not null)
        {
            UseAttempt(field, error);
            return;
        }

        if (field.FirstEntry is not null && !MatchesFirstEntry(field))
        {
            return; // the first of two entries (now keying the second), or a mismatch that used an attempt
        }

        field.State = FieldState.Complete;
        field.Error = null;
        if (field.Field == CardField.CardNumber)
        {
            var digits = field.Digits.Span;
            field.Brand = CardBrandRules.Detect(digits);
            field.Last4 = new string(digits[^4..]);
            RevalidateSecurityCode(field.Brand.Value);
        }

        RecomputeOpenStatus();
        if (IsBank)
        {
            CrossCheckBankAccount();
        }
    }

    /// <summary>A security code keyed before the number may not fit the brand (Amex: 4): flag it, without using an attempt.</summary>
    private void RevalidateSecurityCode(CardBrand brand)
    {
        if (Find(CardField.SecurityCode) is { State: FieldState.Complete } code && CardValidator.ValidateSecurityCode(code.Digits.Span, brand) is { } error)
        {
            MarkInvalid(code, error);
        }
    }

    private static void MarkInvalid(CapturedField field, string error)
    {
        field.State = FieldState.Invalid;
        field.Error = error;
        field.Brand = null;
        field.Last4 = null;
        field.Digits.Wipe();
    }
}
