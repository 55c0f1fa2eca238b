namespace PciCloud.Payments.Cards;

/// <summary>The stable lower-case API names of <see cref="CardBrand"/> (the same as its JSON names).</summary>
public static class CardBrandNames
{
    public static string ToApiName(this CardBrand brand) => brand switch
    {
        CardBrand.Visa => "visa",
        CardBrand.Mastercard => "mastercard",
        CardBrand.Amex => "amex",
        CardBrand.Discover => "discover",
        CardBrand.DinersClub => "diners",
        CardBrand.Jcb => "jcb",
        CardBrand.UnionPay => "unionpay",
        CardBrand.Maestro => "maestro",
        _ => "unknown",
    };

    /// <summary>Parses an API name (case-insensitive); false for anything else, including "unknown".</summary>
    public static bool TryParse(string? name, out CardBrand brand)
    {
        foreach (var candidate in Enum.GetValues<CardBrand>())
        {
            if (candidate != CardBrand.Unknown && string.Equals(candidate.ToApiName(), name, StringComparison.OrdinalIgnoreCase))
            {
                brand = candidate;
                return true;
            }
        }

        brand = CardBrand.Unknown;
        return false;
    }
}
