using Yarp.ReverseProxy.Configuration;

namespace PciCloud.Edge.Routing;

/// <summary>How a route names its region, from the route metadata <c>PciCloud.Credentials</c> in the ReverseProxy section.</summary>
public enum RouteCredentials
{
    /// <summary>The metadata is missing or unknown: the request is refused, never guessed.</summary>
    Unknown,

    /// <summary><c>Authorization: Bearer</c> secret key or agent token.</summary>
    Bearer,

    /// <summary>As <see cref="Bearer"/>, or <c>?token=</c> (a browser EventSource cannot send headers).</summary>
    BearerOrQueryToken,

    /// <summary>Platform admin: the region is the <c>PciCloud-Region</c> header.</summary>
    AdminRegionHeader,

    /// <summary>
    /// Public, no credential (a region's public keys): the region is the <c>PciCloud-Region</c> header or
    /// <c>?region=</c>, since a JWT library fetching a JWKS by URL cannot add a header.
    /// </summary>
    PublicRegionName,
}

internal static class RouteCredentialsMetadata
{
    public const string Key = "PciCloud.Credentials";

    public static RouteCredentials For(RouteConfig route) =>
        route.Metadata is not null && route.Metadata.TryGetValue(Key, out var value)
            ? value switch
            {
                nameof(RouteCredentials.Bearer) => RouteCredentials.Bearer,
                nameof(RouteCredentials.BearerOrQueryToken) => RouteCredentials.BearerOrQueryToken,
                nameof(RouteCredentials.AdminRegionHeader) => RouteCredentials.AdminRegionHeader,
                nameof(RouteCredentials.PublicRegionName) => RouteCredentials.PublicRegionName,
                _ => RouteCredentials.Unknown,
            }
            : RouteCredentials.Unknown;
}
