using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using PciCloud.Contracts.Sessions;
using PciCloud.Region.AgentAssist;
using PciCloud.Region.Apis.Models;
using PciCloud.Region.Http;

namespace PciCloud.Region.Apis;

/// <summary>
/// GET /v1/payment-sessions/{id}/events: text/event-stream, one "session" event per change (data =
/// the session), a comment line as keep-alive. Long-polls the session grain; ends after a final status
/// or when the client goes. Holds one of the tenant's <see cref="OpenStreamSlots"/> while open.
/// </summary>
internal static class SessionEvents
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);

    public static async Task StreamAsync(string id, [AsParameters] PaymentSessionsApi.Deps d, IOptions<JsonOptions> json,
        OpenStreamSlots slots, HttpContext context)
    {
        var caller = context.GetCaller();
        var view = await PaymentSessionsApi.OwnedSessionAsync(d.Grains, id, caller);
        await d.Audit.RecordReadAsync(caller, "payment_session.events_opened", id, view is not null);
        if (view is null)
        {
            await Problems.WriteAsync(context, Problems.NotFound());
            return;
        }

        using var slot = slots.TryTake(caller.TenantId);
        if (slot is null)
        {
            await Problems.WriteAsync(context, Problems.Of(StatusCodes.Status429TooManyRequests, OpenStreamSlots.LimitCode,
                "Too many open event streams.", $"This tenant already has {slots.Limit} event streams open; close one first."), 5);
            return;
        }

        try
        {
            await SendAsync(id, d, json, context, view);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went: its slot is given back by the using above.
        }
    }

    private static async Task SendAsync(string id, PaymentSessionsApi.Deps d, IOptions<JsonOptions> json, HttpContext context,
        PaymentSessionView? view)
    {
        var response = context.Response;
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache";
        response.Headers["X-Accel-Buffering"] = "no";
        var grain = d.Grains.GetGrain<IPaymentSessionGrain>(id);
        var ct = context.RequestAborted;
        long sent = -1;
        while (!ct.IsCancellationRequested && view is not null)
        {
            if (view.Version != sent)
            {
                var data = JsonSerializer.Serialize(SessionResponse.From(view, null), json.Value.SerializerOptions);
                await response.WriteAsync($"event: {AgentAssistVocabulary.SessionEvent}\nid: {view.Version}\ndata: {data}\n\n", ct);
                sent = view.Version;
                if (view.Status is "succeeded" or "failed" or "cancelled" or "expired")
                {
                    break;
                }
            }
            else
            {
                await response.WriteAsync(": keep-alive\n\n", ct);
            }

            await response.Body.FlushAsync(ct);
            // The long-poll ends with the client too, so a closed stream frees its slot at once.
            view = await grain.WaitForChangeAsync(sent, Wait).WaitAsync(ct);
        }

        await response.Body.FlushAsync(CancellationToken.None);
    }
}
