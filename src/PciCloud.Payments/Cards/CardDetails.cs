using System.Diagnostics;
using System.Text.Json.Serialization;

namespace PciCloud.Payments.Cards;

/// <summary>
/// The card as handed to a gateway connector for one request: the three card-data buffers
/// (read them with <see cref="SensitiveDigits.RevealForGateway"/>), plus what may be shown
/// (brand, last four) and the postal code (not card data). Not serializable, redacted ToString.
/// Disposing wipes the buffers; a session wipes them itself after submit.
/// </summary>
[JsonConverter(typeof(RefuseSerializationConverter<CardDetails>))]
[DebuggerDisplay("{ToString(),nq}")]
public sealed class CardDetails : IDisposable
{
    internal CardDetails(SensitiveDigits number, SensitiveDigits expiry, SensitiveDigits? securityCode, string? postalCode)
    {
        Number = number;
        Expiry = expiry;
        SecurityCode = securityCode;
        PostalCode = postalCode;
        Brand = CardBrandRules.Detect(number.Span);
        Last4 = number.Length >= 4 ? new string(number.Span[^4..]) : "";
    }

    /// <summary>Builds card details from known digits (connector tests, tools). Validates nothing but the characters.</summary>
    public static CardDetails Create(ReadOnlySpan<char> number, ReadOnlySpan<char> expiryMmyy, ReadOnlySpan<char> securityCode, string? postalCode = null) =>
        new(
            SensitiveDigits.FromDigits(number, CardBrandRules.MaxLength),
            SensitiveDigits.FromDigits(expiryMmyy, 4),
            securityCode.IsEmpty ? null : SensitiveDigits.FromDigits(securityCode, 4),
            postalCode);

    public SensitiveDigits Number { get; }

    /// <summary>MMYY.</summary>
    public SensitiveDigits Expiry { get; }

    /// <summary>Null when the session did not capture a security code.</summary>
    public SensitiveDigits? SecurityCode { get; }

    public string? PostalCode { get; }

    public CardBrand Brand { get; }

    public string Last4 { get; }

    /// <summary>Splits a revealed MMYY expiry into month and four-digit year (for the outgoing request only).</summary>
    public static (int Month, int Year) SplitExpiry(string revealedMmyy)
    {
        if (revealedMmyy.Length != 4 || !int.TryParse(revealedMmyy.AsSpan(0, 2), out var month) || !int.TryParse(revealedMmyy.AsSpan(2, 2), out var yy))
        {
            throw new ArgumentException("Expiry must be MMYY.", nameof(revealedMmyy));
        }

        return (month, 2000 + yy);
    }

    public void Dispose()
    {
        Number.Wipe();
        Expiry.Wipe();
        SecurityCode?.Wipe();
    }

    public override string ToString() => $"CardDetails(brand={Brand.ToApiName()}, last4={Last4}, redacted)";
}
