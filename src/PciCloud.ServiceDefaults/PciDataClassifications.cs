using Microsoft.Extensions.Compliance.Classification;

namespace PciCloud.ServiceDefaults;

/// <summary>
/// The data classes PciCloud logs may meet. Anything tagged with one of them is erased by the
/// redactor before it reaches a sink: card data must never be written, and secrets never either.
/// </summary>
public static class PciDataClassifications
{
    public const string TaxonomyName = "PciCloud";

    /// <summary>Card number, expiry, security code, or anything derived from them beyond brand/last four.</summary>
    public static DataClassification CardData { get; } = new(TaxonomyName, nameof(CardData));

    /// <summary>API keys, tokens, signing secrets, gateway credentials.</summary>
    public static DataClassification Secret { get; } = new(TaxonomyName, nameof(Secret));
}
