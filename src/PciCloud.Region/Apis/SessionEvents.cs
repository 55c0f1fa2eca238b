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
/// the session), a comment line as keep-alive. Long-polls the session grain; ends after a final status.
/// </summary>
internal static class SessionEvents
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);

    public static async Task StreamAsync(string id, [AsParameters] PaymentSessionsApi.Deps d, IOptions<JsonOptions> json, HttpContext context)
    {
        var caller = context.GetCaller();
        var view = await PaymentSessionsApi.OwnedSessionAsync(d.Grains, id, caller);
        await d.Audit.RecordReadAsync(caller, "payment_session.events_opened", id, view is not null);
        if (view is null)
        {
            await Problems.WriteAsync(context, Problems.NotFound());
            return;
        }

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
            view = await grain.WaitForChangeAsync(sent, Wait);
        }

        await response.Body.FlushAsync(CancellationToken.None);
    }
}
