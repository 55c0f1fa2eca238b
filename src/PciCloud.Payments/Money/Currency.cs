using System.Text.Json.Serialization;

namespace PciCloud.Payments.Money;

/// <summary>An ISO 4217 currency with its minor-unit exponent (GBP 2, JPY 0, BHD 3, CLF 4).</summary>
[JsonConverter(typeof(CurrencyJsonConverter))]
public readonly record struct Currency
{
    private Currency(string code, int exponent)
    {
        Code = code;
        Exponent = exponent;
    }

    /// <summary>Upper-case ISO 4217 alphabetic code.</summary>
    public string Code { get; }

    /// <summary>Digits after the decimal point: amounts are in units of 10^-Exponent.</summary>
    public int Exponent { get; }

    public static bool TryParse(string? code, out Currency currency)
    {
        if (code is { Length: 3 } && CurrencyTable.TryGetExponent(code.ToUpperInvariant(), out var exponent))
        {
            currency = new Currency(code.ToUpperInvariant(), exponent);
            return true;
        }

        currency = default;
        return false;
    }

    public static Currency Parse(string code) =>
        TryParse(code, out var currency) ? currency : throw new FormatException($"'{code}' is not an ISO 4217 currency code.");

    public override string ToString() => Code ?? "";
}
