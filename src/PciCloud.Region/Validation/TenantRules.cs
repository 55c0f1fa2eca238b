namespace PciCloud.Region.Validation;

/// <summary>The values tenant settings and session requests may take.</summary>
public static class TenantRules
{
    public static readonly string[] Regions = ["us", "uk", "au"];
    public static readonly string[] Brands = ["visa", "mastercard", "amex", "discover", "diners", "jcb", "unionpay", "maestro"];
    public static readonly string[] Fields = ["card_number", "expiry", "security_code", "postal_code"];
    public static readonly string[] DefaultFields = ["card_number", "expiry", "security_code"];

    public static string[] DefaultCurrencies(string region) => region switch
    {
        "uk" => ["GBP", "EUR", "USD"],
        "au" => ["AUD", "NZD", "USD"],
        _ => ["USD", "CAD"],
    };

    public static bool IsCurrency(string value) => value.Length == 3 && value.All(char.IsAsciiLetterUpper);

    public static bool IsOrigin(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var u) && u.Scheme is "https" or "http" && u.AbsolutePath == "/"
        && string.IsNullOrEmpty(u.Query) && !value.EndsWith('/');
}
