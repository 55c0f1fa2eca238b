namespace PciCloud.Region.Apis;

/// <summary>
/// An id taken from the route is looked up only when it has the object's prefix and a sane length;
/// anything else is "not found" without touching a grain (API.md: ids are opaque, prefixed).
/// </summary>
internal static class RouteIds
{
    public const int MaxLength = 64;

    public static bool Plausible(string id, string prefix) =>
        id.Length <= MaxLength && id.StartsWith(prefix, StringComparison.Ordinal);
}
