using PciCloud.Contracts.Sessions;
using PciCloud.Payments.Cards;
using PciCloud.Payments.Sessions;

namespace PciCloud.Grains.Sessions;

internal static class SessionOptionsFactory
{
    public static PaymentSessionOptions For(SessionCreate c) => new()
    {
        AttemptsPerField = c.ControlsOrDefault.MaxAttempts,
        InputTimeout = c.ControlsOrDefault.TimeoutSeconds is { } seconds ? TimeSpan.FromSeconds(seconds) : null,
        RequireMatchingInputs = c.ControlsOrDefault.RequireMatchingInputs,
        Fields = [.. c.Fields.Select(f => CardFieldNames.TryParse(f, out var field) ? field : throw new ArgumentException($"Unknown field {f}."))],
        Validation = new CardValidationOptions
        {
            AcceptedBrands = [.. c.AcceptedBrands.Select(b => CardBrandNames.TryParse(b, out var brand) ? brand : CardBrand.Unknown)],
            PostalRegion = RegionOf(c),
        },
    };

    public static PostalCodeRegion RegionOf(SessionCreate c) => c.Region switch { "uk" => PostalCodeRegion.Uk, "au" => PostalCodeRegion.Au, _ => PostalCodeRegion.Us };
}
