using Microsoft.AspNetCore.Http.HttpResults;
using PciCloud.Contracts.Audit;
using PciCloud.Region.Apis.Models;
using PciCloud.Region.Audit;
using PciCloud.Region.Auth;
using PciCloud.Region.Http;

namespace PciCloud.Region.Apis;

/// <summary>API.md "Audit": the tenant's hash-chained trail in pages (cursor); reading it is itself recorded (after the read).</summary>
public static class AuditApi
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 1000;

    public static RouteGroupBuilder MapAuditApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/v1/audit-events").WithTags("Audit").WithMetadata(new RequiresCaller(CallerKind.Tenant));
        api.MapGet("/", ListEvents);
        return api;
    }

    public static async Task<Results<Ok<ListResponse<AuditEvent>>, ProblemHttpResult>> ListEvents(
        string? from, string? to, string? cursor, int? limit, IGrainFactory grains, AuditTrail audit, HttpContext context)
    {
        var caller = context.GetCaller();
        var (f, t, error) = TimeRange.Parse(from, to);
        if (error is not null)
        {
            return error;
        }

        if (!AuditCursor.TryDecode(cursor, out var start))
        {
            return Problems.Invalid("cursor is not a cursor this API returned.");
        }

        if (limit is < 1 or > MaxLimit)
        {
            return Problems.Invalid($"limit must be between 1 and {MaxLimit}.");
        }

        var page = await grains.GetGrain<IAuditLogGrain>(caller.TenantId).PageAsync(f, t, start, limit ?? DefaultLimit);
        await audit.RecordAsync(caller.TenantId, caller, "audit_events.listed", caller.TenantId);
        return TypedResults.Ok(new ListResponse<AuditEvent>(page.Events, page.Next is { } next ? AuditCursor.Encode(next) : null));
    }
}
