using Microsoft.Extensions.Options;
using PciCloud.Edge.Configuration;
using PciCloud.Edge.Telemetry;

namespace PciCloud.Edge.Routing;

/// <summary>
/// Runs after tenant routing: a request that arrived on a region's own host name (e.g. uk.api.example.com,
/// <see cref="OriginAccessOptions.RegionalHosts"/>) goes on only if the region chosen for its tenant (or named
/// by an admin request) is that region. Otherwise 421: a UK host name never carries a US tenant's traffic, so
/// a tenant that pinned a regional endpoint knows where its TLS ends. The global name serves every tenant.
/// </summary>
internal sealed class RegionalHostMiddleware(RequestDelegate next, IOptionsMonitor<OriginAccessOptions> options, EdgeMetrics metrics)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (context.Items[TenantRoutingMiddleware.RegionItemKey] is not string region
            || HostRegion(context.Request.Host.Host) is not { } hostRegion
            || hostRegion == region)
        {
            return next(context);
        }

        // Not forwarded: the outer step must not count it as such.
        context.Items.Remove(TenantRoutingMiddleware.RegionItemKey);
        metrics.RecordRequest(region, "misdirected_request");
        return EdgeProblem.WriteAsync(context, StatusCodes.Status421MisdirectedRequest, "misdirected_request",
            "Misdirected request", "This host name serves another region's tenants; use your own region's host name or the global one.");
    }

    private string? HostRegion(string host)
    {
        foreach (var (region, name) in options.CurrentValue.RegionalHosts)
        {
            if (string.Equals(host, name, StringComparison.OrdinalIgnoreCase))
            {
                return region;
            }
        }
        return null;
    }
}
