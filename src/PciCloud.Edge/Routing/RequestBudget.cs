using PciCloud.ServiceDefaults;
using Yarp.ReverseProxy.Forwarder;

namespace PciCloud.Edge.Routing;

/// <summary>
/// Which budget a request spends. The edge cannot check a secret (the key hashes and the token signing key live in
/// the region), so it charges the named tenant only for credentials the region has verified: a credential it has not
/// seen verify spends its sender address's budget, and becomes "verified" when the region's answer carries
/// <see cref="ProblemShape.AuthenticatedHeader"/> for the same tenant; that first request is then charged to the
/// tenant too. A 401 from the region makes the edge forget the credential. Garbage credentials naming a tenant
/// therefore spend only their sender's budget, and the tenant's own traffic keeps flowing.
/// </summary>
public sealed class RequestBudget(VerifiedCredentials verified, TenantRateLimiter tenants, ClientRateLimiter clients)
{
    public enum Refusal
    {
        None,
        Tenant,
        Client,
    }

    public Refusal TrySpend(HttpContext context, RegionResolution resolution, out TimeSpan retryAfter)
    {
        retryAfter = TimeSpan.Zero;
        var fingerprint = VerifiedCredentials.Fingerprint(resolution.Credential);
        var tenantId = resolution.TenantId;
        if (verified.Contains(fingerprint, tenantId))
        {
            if (tenantId.Length > 0 && !tenants.TryAcquire(tenantId, out retryAfter))
            {
                return Refusal.Tenant;
            }
            context.Response.OnStarting(() => Learn(context, fingerprint, tenantId, wasVerified: true));
            return Refusal.None;
        }

        if (!clients.TryAcquire(context.Connection.RemoteIpAddress, out retryAfter))
        {
            return Refusal.Client;
        }
        context.Response.OnStarting(() => Learn(context, fingerprint, tenantId, wasVerified: false));
        return Refusal.None;
    }

    // Runs as the region's answer is about to be relayed; the marker header is the region's, never the client's to see.
    private Task Learn(HttpContext context, string fingerprint, string tenantId, bool wasVerified)
    {
        var headers = context.Response.Headers;
        var marker = headers[ProblemShape.AuthenticatedHeader].ToString();
        headers.Remove(ProblemShape.AuthenticatedHeader);
        if (context.GetForwarderErrorFeature() is not null)
        {
            return Task.CompletedTask; // the edge's own error answer: the region said nothing
        }

        if (marker.Length > 0 && marker == (tenantId.Length > 0 ? tenantId : "admin"))
        {
            if (!wasVerified)
            {
                verified.Add(fingerprint, tenantId);
                if (tenantId.Length > 0)
                {
                    tenants.TryAcquire(tenantId, out _); // the request is served already: charge it, refuse nothing
                }
            }
        }
        else if (wasVerified && context.Response.StatusCode == StatusCodes.Status401Unauthorized)
        {
            verified.Remove(fingerprint); // revoked key, expired token
        }
        return Task.CompletedTask;
    }
}
