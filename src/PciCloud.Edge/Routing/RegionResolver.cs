using Microsoft.Extensions.Options;
using PciCloud.Edge.Configuration;
using PciCloud.Edge.Tenancy;

namespace PciCloud.Edge.Routing;

/// <summary>
/// Picks the region from the credential's tenant part (or, for admin routes, the <c>PciCloud-Region</c> header)
/// and nothing else: no Host, X-Forwarded-*, X-Tenant or any other header a client could set.
/// </summary>
public sealed class RegionResolver(TenantDirectory directory, IOptionsMonitor<EdgeOptions> options)
{
    public const string RegionHeader = "PciCloud-Region";

    public RegionResolution Resolve(HttpRequest request, RouteCredentials credentials)
    {
        if (credentials == RouteCredentials.AdminRegionHeader)
        {
            return ResolveAdmin(request);
        }
        if (credentials == RouteCredentials.PublicRegionName)
        {
            return ResolvePublic(request);
        }
        if (credentials == RouteCredentials.Unknown)
        {
            return RegionResolution.Fail(RegionResolutionOutcome.Unauthenticated);
        }

        var authorization = request.Headers.Authorization;
        ReadOnlySpan<char> credential = authorization.Count == 1 ? TenantCredential.BearerToken(authorization[0]) : [];
        if (credential.IsEmpty && authorization.Count == 0 && credentials == RouteCredentials.BearerOrQueryToken)
        {
            var query = request.Query["token"];
            credential = query.Count == 1 ? query[0] : [];
        }
        if (!TenantCredential.TryGetTenant(credential, out var tenant))
        {
            return RegionResolution.Fail(RegionResolutionOutcome.Unauthenticated);
        }
        return directory.Current.TryGetRegion(tenant, out var tenantId, out var region)
            ? new RegionResolution(RegionResolutionOutcome.Routed, region, tenantId, credential.ToString())
            : RegionResolution.Fail(RegionResolutionOutcome.UnknownTenant);
    }

    private RegionResolution ResolvePublic(HttpRequest request)
    {
        var header = request.Headers[RegionHeader];
        var query = request.Query["region"];
        var region = header.Count == 1 ? header[0] : header.Count == 0 && query.Count == 1 ? query[0] : null;
        return region is not null && options.CurrentValue.RegionDestinations.ContainsKey(region)
            ? new RegionResolution(RegionResolutionOutcome.Routed, region, "")
            : RegionResolution.Fail(RegionResolutionOutcome.InvalidRegionHeader);
    }

    private RegionResolution ResolveAdmin(HttpRequest request)
    {
        var authorization = request.Headers.Authorization;
        var credential = authorization.Count == 1 ? TenantCredential.BearerToken(authorization[0]) : [];
        if (credential.IsEmpty)
        {
            return RegionResolution.Fail(RegionResolutionOutcome.Unauthenticated);
        }
        var named = request.Headers[RegionHeader];
        return named.Count == 1 && named[0] is { } region && options.CurrentValue.RegionDestinations.ContainsKey(region)
            ? new RegionResolution(RegionResolutionOutcome.Routed, region, "", credential.ToString())
            : RegionResolution.Fail(RegionResolutionOutcome.InvalidRegionHeader);
    }
}
