using System.Collections.Frozen;

namespace PciCloud.Payments.Money;

/// <summary>Active ISO 4217 codes (list one, 2024) and their minor-unit exponents.</summary>
internal static class CurrencyTable
{
    private const string Exponent0 = "BIF CLP DJF GNF ISK JPY KMF KRW PYG RWF UGX UYI VND VUV XAF XOF XPF";
    private const string Exponent3 = "BHD IQD JOD KWD LYD OMR TND";
    private const string Exponent4 = "CLF UYW";
    private const string Exponent2 =
        "AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BMD BND BOB BOV BRL BSD BTN BWP BYN BZD " +
        "CAD CDF CHE CHF CHW CNY COP COU CRC CUP CVE CZK DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL GHS " +
        "GIP GMD GTQ GYD HKD HNL HTG HUF IDR ILS INR IRR JMD KES KGS KHR KPW KYD KZT LAK LBP LKR LRD LSL " +
        "MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MXV MYR MZN NAD NGN NIO NOK NPR NZD PAB PEN PGK " +
        "PHP PKR PLN QAR RON RSD RUB SAR SBD SCR SDG SEK SGD SHP SLE SOS SRD SSP STN SVC SYP SZL THB TJS " +
        "TMT TOP TRY TTD TWD TZS UAH USD USN UYU UZS VED VES WST XCD XCG YER ZAR ZMW ZWG";

    private static readonly FrozenDictionary<string, int> Exponents = Build();

    public static bool TryGetExponent(string code, out int exponent) => Exponents.TryGetValue(code, out exponent);

    public static IEnumerable<string> Codes => Exponents.Keys;

    private static FrozenDictionary<string, int> Build()
    {
        var map = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (list, exponent) in new[] { (Exponent0, 0), (Exponent2, 2), (Exponent3, 3), (Exponent4, 4) })
        {
            foreach (var code in list.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                map.Add(code, exponent);
            }
        }

        return map.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
