using PciCloud.Edge.Routing;
using Yarp.ReverseProxy.Transforms;
using Yarp.ReverseProxy.Transforms.Builder;

namespace PciCloud.Edge.Transforms;

/// <summary>
/// Removes headers a client could use to impersonate another tenant, region or origin, then lets the edge set
/// its own X-Forwarded-For/Proto/Host/Prefix. Outside admin routes, PciCloud-Region is removed too: there the
/// region comes from the credential alone.
/// </summary>
internal sealed class ClientHeaderStripTransformProvider : ITransformProvider
{
    private static readonly string[] ExactNames =
    [
        "Forwarded", "X-Real-IP", "X-Client-IP", "X-Cluster-Client-IP", "True-Client-IP", "CF-Connecting-IP",
        "X-Original-Host", "X-Original-For", "X-Original-Proto", "X-Original-URL", "X-Rewrite-URL", "X-Host",
        "PciCloud-Tenant",
    ];

    private static readonly string[] Prefixes = ["X-Forwarded-", "X-Tenant"];

    public void ValidateRoute(TransformRouteValidationContext context)
    {
    }

    public void ValidateCluster(TransformClusterValidationContext context)
    {
    }

    public void Apply(TransformBuilderContext context)
    {
        var keepRegionHeader = RouteCredentialsMetadata.For(context.Route) == RouteCredentials.AdminRegionHeader;
        context.AddRequestTransform(transform =>
        {
            StripClientHeaders(transform.ProxyRequest.Headers, keepRegionHeader);
            return ValueTask.CompletedTask;
        });
        // Runs after the strip step: the values the region sees are the edge's, never the client's.
        context.UseDefaultForwarders = false;
        context.AddXForwarded(ForwardedTransformActions.Set);
    }

    internal static bool ShouldStrip(string name, bool keepRegionHeader) =>
        Array.Exists(ExactNames, n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase))
        || Array.Exists(Prefixes, p => name.StartsWith(p, StringComparison.OrdinalIgnoreCase))
        || (!keepRegionHeader && string.Equals(name, RegionResolver.RegionHeader, StringComparison.OrdinalIgnoreCase));

    private static void StripClientHeaders(System.Net.Http.Headers.HttpRequestHeaders headers, bool keepRegionHeader)
    {
        List<string>? doomed = null;
        foreach (var header in headers.NonValidated)
        {
            if (ShouldStrip(header.Key, keepRegionHeader))
            {
                (doomed ??= []).Add(header.Key);
            }
        }
        if (doomed is not null)
        {
            foreach (var name in doomed)
            {
                headers.Remove(name);
            }
        }
    }
}
