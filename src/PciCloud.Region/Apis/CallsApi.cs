using Microsoft.AspNetCore.Http.HttpResults;
using PciCloud.Contracts.Calls;
using PciCloud.Contracts.Media;
using PciCloud.Contracts.Reports;
using PciCloud.Contracts.Tenants;
using PciCloud.Grains;
using PciCloud.Region.Apis.Models;
using PciCloud.Region.Audit;
using PciCloud.Region.Auth;
using PciCloud.Region.Http;
using PciCloud.Region.Validation;

namespace PciCloud.Region.Apis;

/// <summary>API.md "Calls": register a call (a masking worker is reserved first), get, end, masking report.</summary>
public static class CallsApi
{
    public static RouteGroupBuilder MapCallsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/v1/calls").WithTags("Calls").WithMetadata(new RequiresCaller(CallerKind.Tenant));
        api.MapPost("/", CreateCall);
        api.MapGet("/", FindCalls);
        api.MapGet("/{id}", GetCall);
        api.MapPost("/{id}/end", EndCall);
        api.MapGet("/{id}/masking-report", GetMaskingReport);
        return api;
    }

    public static async Task<Results<Created<CallResponse>, ProblemHttpResult>> CreateCall(
        CreateCallRequest request, IGrainFactory grains, MediaTokens mediaTokens, AuditTrail audit, HttpContext context)
    {
        var caller = context.GetCaller();
        var tenant = await grains.GetGrain<ITenantGrain>(caller.TenantId).GetAsync();
        var (media, error) = CallRequestValidator.Validate(
            request, tenant?.MediaDestinations ?? [], tenant?.EffectiveMediaPolicy().RequireExpectFrom ?? true);
        var (srtp, srtpError) = error is null ? SrtpKeysValidator.Validate(request.Media!) : (null, null);
        if ((error ?? srtpError) is { } problem)
        {
            return problem;
        }

        var callId = Ids.New("call");
        var policy = tenant?.EffectiveMediaPolicy() ?? TenantMediaPolicy.Default;
        var outcome = await grains.GetGrain<IMediaWorkerDirectoryGrain>(IMediaWorkerDirectoryGrain.Key)
            .ReserveMediaForTenant(callId, media!.Transport, caller.TenantId, policy.MaxConcurrentCalls);
        if (outcome.Refusal == MediaReservationRefusal.TenantLimit)
        {
            // This tenant's burst stops here; the region's capacity stays for the others.
            context.Response.Headers.RetryAfter = "5";
            await audit.RecordAsync(caller.TenantId, caller, "call.create", callId, "media_reservation_limit");
            return Problems.Of(StatusCodes.Status429TooManyRequests, "media_reservation_limit", "Too many concurrent calls.",
                $"This tenant already holds {policy.MaxConcurrentCalls} calls with media, its limit; end one or retry later.");
        }

        if (outcome.Reservation is not { } reservation)
        {
            // Never a fake endpoint: without a worker the call's audio would not be masked.
            context.Response.Headers.RetryAfter = "5";
            await audit.RecordAsync(caller.TenantId, caller, "call.create", callId, "no_media_capacity");
            return Problems.Unavailable("no_media_capacity", "No masking worker has capacity for this call; retry later.");
        }

        var token = await mediaTokens.ForCallAsync(callId, context.RequestAborted);
        var start = new CallStart(caller.TenantId, request.ExternalId, request.From, request.To, media, reservation, MediaTokens.Sha256(token), srtp);
        var view = await grains.GetGrain<ICallGrain>(callId).StartAsync(start);
        await grains.GetGrain<ITenantCallIndexGrain>(caller.TenantId).AddAsync(new CallIndexEntry(callId, view.StartedAt));
        if (!string.IsNullOrEmpty(request.ExternalId))
        {
            await grains.GetGrain<ICallExternalIdIndexGrain>(ICallExternalIdIndexGrain.KeyOf(caller.TenantId, request.ExternalId)).AddAsync(callId);
        }

        await audit.RecordAsync(caller.TenantId, caller, "call.created", callId);
        return TypedResults.Created($"/v1/calls/{callId}", ToResponse(view, token));
    }

    /// <summary><c>GET /v1/calls?externalId=</c>: the caller's calls with that external id (a SIP call's is its Call-ID), oldest first.</summary>
    public static async Task<Results<Ok<ListResponse<CallResponse>>, ProblemHttpResult>> FindCalls(
        string? externalId, IGrainFactory grains, MediaTokens mediaTokens, AuditTrail audit, HttpContext context)
    {
        if (string.IsNullOrEmpty(externalId) || externalId.Length > 1024)
        {
            return Problems.Invalid("externalId is required (1 to 1024 characters).");
        }

        var caller = context.GetCaller();
        var found = new List<CallResponse>();
        foreach (var id in await grains.GetGrain<ICallExternalIdIndexGrain>(ICallExternalIdIndexGrain.KeyOf(caller.TenantId, externalId)).ListAsync())
        {
            if (await OwnedCallAsync(grains, id, caller) is { } view)
            {
                found.Add(ToResponse(view, await mediaTokens.ForCallAsync(id, context.RequestAborted)));
            }
        }

        await audit.RecordReadAsync(caller, "call.find", externalId, found.Count > 0);
        return TypedResults.Ok(new ListResponse<CallResponse>(found));
    }

    public static async Task<Results<Ok<CallResponse>, ProblemHttpResult>> GetCall(
        string id, IGrainFactory grains, MediaTokens mediaTokens, AuditTrail audit, HttpContext context)
    {
        var view = await OwnedCallAsync(grains, id, context.GetCaller());
        await audit.RecordReadAsync(context.GetCaller(), "call.read", id, view is not null);
        return view is null ? Problems.NotFound() : TypedResults.Ok(ToResponse(view, await mediaTokens.ForCallAsync(id, context.RequestAborted)));
    }

    public static async Task<Results<Ok<CallResponse>, ProblemHttpResult>> EndCall(
        string id, IGrainFactory grains, MediaTokens mediaTokens, AuditTrail audit, HttpContext context)
    {
        var caller = context.GetCaller();
        if (await OwnedCallAsync(grains, id, caller) is null)
        {
            return Problems.NotFound();
        }

        var view = await grains.GetGrain<ICallGrain>(id).EndAsync();
        await audit.RecordAsync(caller.TenantId, caller, "call.ended", id);
        return TypedResults.Ok(ToResponse(view!, await mediaTokens.ForCallAsync(id, context.RequestAborted)));
    }

    public static async Task<Results<Ok<MaskingReportResponse>, ProblemHttpResult>> GetMaskingReport(
        string id, IGrainFactory grains, AuditTrail audit, HttpContext context)
    {
        var owned = await OwnedCallAsync(grains, id, context.GetCaller()) is not null;
        await audit.RecordReadAsync(context.GetCaller(), "masking_report.read", id, owned);
        if (!owned)
        {
            return Problems.NotFound();
        }

        var s = await grains.GetGrain<ICallGrain>(id).GetMaskingSummaryAsync();
        return s is null ? Problems.NotFound()
            : TypedResults.Ok(new MaskingReportResponse(id, s.KeyPressesMasked, s.Transports, s.Leaks, s.WorstOnsetMs, s.Spans, s.DigitsLost));
    }

    /// <summary>The call, if it exists and belongs to the caller's tenant; another tenant's call is "not found".</summary>
    public static async Task<CallView?> OwnedCallAsync(IGrainFactory grains, string id, Caller caller)
    {
        if (!RouteIds.Plausible(id, "call_"))
        {
            return null;
        }

        var view = await grains.GetGrain<ICallGrain>(id).GetAsync();
        return view is not null && view.TenantId == caller.TenantId ? view : null;
    }

    private static CallResponse ToResponse(CallView v, string token)
    {
        var r = v.Reservation;
        var media = new CallMediaResponse(v.Media.Transport, v.Media.Codec,
            v.Media.Transport == "rtp" && r.RtpPort is { } port ? new RtpEndpoint(r.RtpHost, port) : null,
            v.Media.Transport == "websocket" ? $"{r.WebsocketBaseUrl.TrimEnd('/')}/v1/media/{v.Id}?token={token}" : null,
            v.Media.ForwardTo, v.Media.RecordTo, v.Media.ExpectFrom);
        return new CallResponse(v.Id, v.ExternalId, v.Status, v.StartedAt, v.EndedAt, media, v.PaymentSessionIds);
    }
}
