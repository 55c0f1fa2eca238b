namespace PciCloud.Grains.Gateways;

/// <summary>
/// What sessions, payments and tokens record as their gateway ("gatewayKind" in their records): the
/// kind of the tenant's default gateway ("stripe"), or kind/name for one of the tenant's named
/// gateway configurations ("stripe/eu"), whose credentials are stored under their own name.
/// </summary>
public static class GatewayRefs
{
    public static string Of(string kind, string? name) => name is null ? kind : $"{kind}/{name}";

    public static (string Kind, string? Name) Parse(string gatewayRef)
    {
        var slash = gatewayRef.IndexOf('/', StringComparison.Ordinal);
        return slash < 0 ? (gatewayRef, null) : (gatewayRef[..slash], gatewayRef[(slash + 1)..]);
    }

    /// <summary>A configuration name: 1-32 lower-case letters, digits and '-'.</summary>
    public static bool IsValidName(string? name) =>
        name is { Length: > 0 and <= 32 } && name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-');
}
