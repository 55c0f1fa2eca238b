using Microsoft.Extensions.Logging;
using PciCloud.Contracts.Webhooks;
using PciCloud.Grains.Webhooks;
using PciCloud.Payments.Sessions;

namespace PciCloud.Grains.Sessions;

/// <summary>What a session tells others when it changes: the tenant's webhook, and (once succeeded) the result's own grains.</summary>
public sealed partial class PaymentSessionGrain
{
    // One event per status change (not per key press): the masked view only, never a link or token.
    private async Task RaiseWebhookAsync()
    {
        var view = View();
        if (view.Status == _lastWebhookStatus)
        {
            return;
        }

        _lastWebhookStatus = view.Status;
        var type = view.Status switch
        {
            "succeeded" => WebhookEventTypes.PaymentSessionSucceeded,
            "failed" => WebhookEventTypes.PaymentSessionFailed,
            _ => WebhookEventTypes.PaymentSessionUpdated,
        };
        try
        {
            await grains.GetGrain<IWebhookGrain>(view.TenantId).EnqueueAsync(type, WebhookData.Of(view));
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            LogWebhookFailed(type, ex.GetType().Name);
        }
    }

    /// <summary>Once succeeded: the payment, token and schedule named in the result get their grains (idempotent, retried until done).</summary>
    private async Task RegisterResultObjectsAsync()
    {
        if (_session is not { Status: SessionStatus.Succeeded } || state.State.ResultRegistered)
        {
            return;
        }

        try
        {
            await SessionResultObjects.RegisterAsync(grains, _session, state.State.Create!, View(), IdempotencyKey);
            state.State.ResultRegistered = true;
            await state.WriteStateAsync();
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            LogResultRegistrationFailed(ex.GetType().Name);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook {EventType} could not be queued ({ExceptionType})")]
    private partial void LogWebhookFailed(string eventType, string exceptionType);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The session's payment, token or schedule could not be registered ({ExceptionType}); retrying")]
    private partial void LogResultRegistrationFailed(string exceptionType);
}
