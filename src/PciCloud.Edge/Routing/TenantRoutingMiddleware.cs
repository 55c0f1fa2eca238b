using System.Diagnostics;
using Microsoft.Extensions.Options;
using PciCloud.Edge.Configuration;
using PciCloud.Edge.Telemetry;
using Yarp.ReverseProxy;

namespace PciCloud.Edge.Routing;

/// <summary>
/// First step of the proxy pipeline: sends the request to its region's cluster and nowhere else. Every route
/// points at the placeholder cluster "tenant-region" (no destinations), so a request this step does not
/// reassign cannot reach any region. No failover: a region with no healthy destination answers 503.
/// </summary>
internal sealed class TenantRoutingMiddleware(
    RequestDelegate next,
    RegionResolver resolver,
    RequestBudget budget,
    IProxyStateLookup proxyState,
    IOptionsMonitor<EdgeOptions> options,
    EdgeMetrics metrics)
{
    public Task InvokeAsync(HttpContext context)
    {
        var route = context.GetRouteModel();
        var resolution = resolver.Resolve(context.Request, RouteCredentialsMetadata.For(route.Config));
        switch (resolution.Outcome)
        {
            case RegionResolutionOutcome.Unauthenticated or RegionResolutionOutcome.UnknownTenant:
                // One answer for both: telling them apart would tell an attacker which tenant ids exist (the metric may).
                return Refuse(context, "none", resolution.Outcome == RegionResolutionOutcome.UnknownTenant ? "unknown_tenant" : "unauthenticated",
                    EdgeProblem.Unauthenticated(context));
            case RegionResolutionOutcome.InvalidRegionHeader:
                return Refuse(context, "none", "invalid_request", EdgeProblem.InvalidRegionHeader(context));
        }

        var region = resolution.Region;
        Activity.Current?.SetTag("pcicloud.region", region);
        if (resolution.TenantId.Length > 0)
        {
            Activity.Current?.SetTag("pcicloud.tenant", resolution.TenantId);
        }
        switch (budget.TrySpend(context, resolution, out var wait))
        {
            case RequestBudget.Refusal.Tenant:
                return Refuse(context, region, "rate_limited", EdgeProblem.RateLimited(context, wait));
            case RequestBudget.Refusal.Client:
                return Refuse(context, region, "client_rate_limited", EdgeProblem.ClientRateLimited(context, wait));
        }

        if (route.Config.MaxRequestBodySize is > 0 and var limit && context.Request.ContentLength > limit)
        {
            return Refuse(context, region, "request_too_large", EdgeProblem.TooLarge(context, limit));
        }

        if (!proxyState.TryGetCluster(region, out var cluster))
        {
            metrics.RecordRoutingFailure("no_cluster_for_region", region);
            return Refuse(context, region, "region_unavailable", RegionUnavailable(context));
        }
        context.ReassignProxyRequest(cluster);
        if (context.GetReverseProxyFeature().AvailableDestinations.Count == 0)
        {
            metrics.RecordRoutingFailure("no_healthy_destination", region);
            return Refuse(context, region, "region_unavailable", RegionUnavailable(context));
        }

        context.Items[RegionItemKey] = region;
        return next(context);
    }

    /// <summary>HttpContext item with the region a request was sent to (for the error step and telemetry).</summary>
    public const string RegionItemKey = "PciCloud.Edge.Region";

    private Task RegionUnavailable(HttpContext context) =>
        EdgeProblem.RegionUnavailable(context, TimeSpan.FromSeconds(options.CurrentValue.RetryAfterSeconds));

    private Task Refuse(HttpContext context, string region, string outcome, Task answer)
    {
        metrics.RecordRequest(region, outcome);
        return answer;
    }
}
