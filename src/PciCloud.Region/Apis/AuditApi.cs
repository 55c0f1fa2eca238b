using Microsoft.AspNetCore.Http.HttpResults;
using PciCloud.Contracts.Audit;
using PciCloud.Region.Apis.Models;
using PciCloud.Region.Audit;
using PciCloud.Region.Auth;
using PciCloud.Region.Http;

namespace PciCloud.Region.Apis;

/// <summary>API.md "Audit": the tenant's hash-chained trail; reading it is itself recorded (after the read).</summary>
public static class AuditApi
{
    public static RouteGroupBuilder MapAuditApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/v1/audit-events").WithTags("Audit").WithMetadata(new RequiresCaller(CallerKind.Tenant));
        api.MapGet("/", ListEvents);
        return api;
    }

    public static async Task<Results<Ok<ListResponse<AuditEvent>>, ProblemHttpResult>> ListEvents(
        string? from, string? to, IGrainFactory grains, AuditTrail audit, HttpContext context)
    {
        var caller = context.GetCaller();
        var (f, t, error) = TimeRange.Parse(from, to);
        if (error is not null)
        {
            return error;
        }

        var events = await grains.GetGrain<IAuditLogGrain>(caller.TenantId).ListAsync(f, t);
        await audit.RecordAsync(caller.TenantId, caller, "audit_events.listed", caller.TenantId);
        return TypedResults.Ok(new ListResponse<AuditEvent>(events));
    }
}
