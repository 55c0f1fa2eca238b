using Microsoft.AspNetCore.Http.HttpResults;
using PciCloud.Contracts.Schedules;
using PciCloud.Region.Apis.Models;
using PciCloud.Region.Audit;
using PciCloud.Region.Auth;
using PciCloud.Region.Http;

namespace PciCloud.Region.Apis;

/// <summary>API.md "schedules": get a recurring schedule, cancel it (no further periods are charged).</summary>
public static class SchedulesApi
{
    public static RouteGroupBuilder MapSchedulesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/v1/schedules/{id}").WithTags("Schedules").WithMetadata(new RequiresCaller(CallerKind.Tenant));
        api.MapGet("/", GetSchedule);
        api.MapPost("/cancel", CancelSchedule);
        return api;
    }

    public static async Task<Results<Ok<ScheduleResponse>, ProblemHttpResult>> GetSchedule(
        string id, IGrainFactory grains, AuditTrail audit, HttpContext context)
    {
        var caller = context.GetCaller();
        var view = await OwnedScheduleAsync(grains, id, caller);
        await audit.RecordReadAsync(caller, "schedule.read", id, view is not null);
        return view is null ? Problems.NotFound() : TypedResults.Ok(ScheduleResponse.From(view));
    }

    public static async Task<Results<Ok<ScheduleResponse>, ProblemHttpResult>> CancelSchedule(
        string id, IGrainFactory grains, AuditTrail audit, HttpContext context)
    {
        var caller = context.GetCaller();
        if (await OwnedScheduleAsync(grains, id, caller) is null)
        {
            return Problems.NotFound();
        }

        var reply = await grains.GetGrain<IScheduleGrain>(id).CancelAsync();
        await audit.RecordAsync(caller.TenantId, caller, "schedule.cancel", id, reply.ErrorCode ?? "success");
        return reply.Ok ? TypedResults.Ok(ScheduleResponse.From(reply.View!)) : SessionProblems.From(reply.ErrorCode, reply.ErrorDetail);
    }

    private static async Task<ScheduleView?> OwnedScheduleAsync(IGrainFactory grains, string id, Caller caller)
    {
        if (!RouteIds.Plausible(id, "sch_"))
        {
            return null;
        }

        var view = await grains.GetGrain<IScheduleGrain>(id).GetAsync();
        return view is not null && view.TenantId == caller.TenantId ? view : null;
    }
}
