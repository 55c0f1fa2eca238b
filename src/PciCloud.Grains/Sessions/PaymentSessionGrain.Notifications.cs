using Microsoft.Extensions.Logging;
using PciCloud.Contracts.Webhooks;
using PciCloud.Grains.Webhooks;
using PciCloud.Payments.Sessions;

namespace PciCloud.Grains.Sessions;

/// <summary>What a session tells others when it changes: the tenant's webhook, and (once succeeded) the result's own grains.</summary>
public sealed partial class PaymentSessionGrain
{
    // One event per status change; with partialResults also one per other change (field states):
    // the masked view only, never a digit, link or token. To the tenant's endpoint and the session's statusCallback.
    private async Task RaiseWebhookAsync()
    {
        var view = View();
        var controls = state.State.Create!.ControlsOrDefault;
        var statusChanged = view.Status != _lastWebhookStatus;
        if (!statusChanged && !controls.PartialResults)
        {
            return;
        }

        _lastWebhookStatus = view.Status;
        var type = (statusChanged ? view.Status : null) switch
        {
            "succeeded" => WebhookEventTypes.PaymentSessionSucceeded,
            "failed" => WebhookEventTypes.PaymentSessionFailed,
            _ => WebhookEventTypes.PaymentSessionUpdated,
        };
        try
        {
            var webhooks = grains.GetGrain<IWebhookGrain>(view.TenantId);
            var data = WebhookData.Of(view);
            await webhooks.EnqueueAsync(type, data);
            if (controls.StatusCallback is { } callback)
            {
                await webhooks.EnqueueToAsync(callback, type, data);
            }
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
