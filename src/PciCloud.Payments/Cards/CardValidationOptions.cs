namespace PciCloud.Payments.Cards;

/// <summary>A tenant's card rules: the brands it accepts, its region's postal codes, how far ahead an expiry may be.</summary>
public sealed record CardValidationOptions
{
    /// <summary>Empty means every brand this library recognises.</summary>
    public IReadOnlyCollection<CardBrand> AcceptedBrands { get; init; } = [];

    public PostalCodeRegion PostalRegion { get; init; } = PostalCodeRegion.Us;

    /// <summary>Expiries further ahead than this are refused as invalid_expiry (cards are issued for at most a few years).</summary>
    public int MaxExpiryYearsAhead { get; init; } = 20;

    public bool Accepts(CardBrand brand) =>
        brand != CardBrand.Unknown && (AcceptedBrands.Count == 0 || AcceptedBrands.Contains(brand));
}
