using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PciCloud.Contracts.Webhooks;
using PciCloud.Grains.Secrets;
using PciCloud.Payments.Cards;

namespace PciCloud.Grains.Webhooks;

/// <summary>
/// A tenant's webhook deliveries. An event is persisted before EnqueueAsync returns, then delivered
/// at least once by a grain timer that interleaves with callers (an enqueuer never waits on a slow
/// endpoint); failures back off exponentially for up to 3 days. While anything is pending a
/// reminder brings the grain back after a deactivation or a silo loss.
/// </summary>
public sealed partial class WebhookGrain(
    [PersistentState("webhooks", GrainStorage.Name)] IPersistentState<WebhookState> state,
    IWebhookSender sender,
    ISecretStore secrets,
    IOptions<WebhookOptions> options,
    TimeProvider time,
    RegionMetrics metrics,
    ILogger<WebhookGrain> logger) : Grain, IWebhookGrain, IRemindable
{
    private const string ReminderName = "webhook-retry";
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private IGrainTimer? _timer;
    private bool _pumping;
    private bool _reminderRegistered;

    private List<WebhookDelivery> Pending => state.State.Pending;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        metrics.WebhookQueued(Pending.Count);
        _reminderRegistered = await this.GetReminder(ReminderName) is not null;
        ArmTimer();
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        metrics.WebhookDone(Pending.Count);
        return Task.CompletedTask;
    }

    public async Task SetEndpointAsync(WebhookEndpoint endpoint)
    {
        state.State.Endpoint = endpoint;
        await PersistAsync();
        ArmTimer();
    }

    public Task<WebhookEndpoint?> GetEndpointAsync() => Task.FromResult(state.State.Endpoint);

    public Task<int> GetBacklogAsync() => Task.FromResult(Pending.Count);

    public async Task EnqueueAsync(string eventType, string dataJson)
    {
        ArgumentException.ThrowIfNullOrEmpty(dataJson);
        if (!WebhookEventTypes.IsKnown(eventType))
        {
            throw new ArgumentException("Unknown webhook event type.", nameof(eventType));
        }

        if (state.State.Endpoint is not { } endpoint || !WebhookEventTypes.Subscribed(endpoint.Events, eventType))
        {
            return;
        }

        await AddAsync(null, eventType, dataJson);
    }

    public async Task EnqueueToAsync(string url, string eventType, string dataJson)
    {
        ArgumentException.ThrowIfNullOrEmpty(url);
        ArgumentException.ThrowIfNullOrEmpty(dataJson);
        if (!WebhookEventTypes.IsKnown(eventType))
        {
            throw new ArgumentException("Unknown webhook event type.", nameof(eventType));
        }

        await AddAsync(url, eventType, dataJson);
    }

    private async Task AddAsync(string? url, string eventType, string dataJson)
    {
        // Defence in depth: a payload is the masked view; anything that looks like a card number is never sent.
        if (CardNumberScanner.ContainsCardNumber(dataJson))
        {
            LogRefusedCardData(eventType);
            return;
        }

        if (Pending.Count >= options.Value.MaxPending)
        {
            LogBacklogFull(eventType, Pending.Count);
            return;
        }

        var now = time.GetUtcNow();
        var eventId = Ids.New("evt");
        Pending.Add(new WebhookDelivery
        {
            EventId = eventId, Type = eventType, Body = WebhookPayload.Build(eventId, eventType, now, dataJson),
            CreatedAt = now, NextAttemptAt = now, Url = url,
        });
        await PersistAsync();
        metrics.WebhookQueued(1);
        await EnsureReminderAsync();
        ArmTimer();
    }

    public Task ReceiveReminder(string reminderName, TickStatus status)
    {
        ArmTimer();
        return Task.CompletedTask;
    }

    /// <summary>One-shot timer at the earliest due delivery (none while a pass is running: it re-arms itself).</summary>
    private void ArmTimer()
    {
        if (_pumping || !Pending.Any(d => Target(d) is not null))
        {
            return;
        }

        var due = Pending.Where(d => Target(d) is not null).Min(d => d.NextAttemptAt) - time.GetUtcNow();
        _timer?.Dispose();
        _timer = this.RegisterGrainTimer(PumpAsync, new GrainTimerCreationOptions(
            due < TimeSpan.Zero ? TimeSpan.Zero : due, Timeout.InfiniteTimeSpan) { Interleave = true, KeepAlive = true });
    }

    private async Task PumpAsync(CancellationToken cancellationToken)
    {
        if (_pumping)
        {
            return;
        }

        _pumping = true;
        try
        {
            while (!cancellationToken.IsCancellationRequested
                && Pending.Where(d => d.NextAttemptAt <= time.GetUtcNow() && Target(d) is not null).MinBy(d => d.NextAttemptAt) is { } due)
            {
                var delivered = await TrySendAsync(Target(due)!, due, cancellationToken);
                Settle(due, delivered);
                await PersistAsync();
            }
        }
        finally
        {
            _pumping = false;
        }

        await EnsureReminderAsync();
        ArmTimer();
    }

    /// <summary>Where a delivery goes and which secret signs it: the session's URL with the tenant's secret, or the tenant's endpoint.</summary>
    private WebhookEndpoint? Target(WebhookDelivery delivery) => delivery.Url is { } url
        ? new WebhookEndpoint(url, [], SecretNames.WebhookSigningSecret(this.GetPrimaryKeyString()))
        : state.State.Endpoint;

    private async Task<bool> TrySendAsync(WebhookEndpoint endpoint, WebhookDelivery delivery, CancellationToken cancellationToken)
    {
        var secret = await secrets.GetAsync(endpoint.SecretName, cancellationToken);
        if (secret is null || !Uri.TryCreate(endpoint.Url, UriKind.Absolute, out var url))
        {
            return false;
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Value.AttemptTimeout);
        var header = WebhookSignature.Header(secret, time.GetUtcNow().ToUnixTimeSeconds(), delivery.Body);
        try
        {
            return await sender.SendAsync(url, delivery.Body, header, timeout.Token);
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException or IOException)
        {
            return false;
        }
    }

    private void Settle(WebhookDelivery delivery, bool delivered)
    {
        delivery.Attempts++;
        var next = delivered ? null : WebhookRetryPolicy.NextAttempt(delivery.CreatedAt, delivery.Attempts, time.GetUtcNow(), options.Value);
        if (next is { } at)
        {
            delivery.NextAttemptAt = at;
            LogRetry(delivery.EventId, delivery.Type, delivery.Attempts);
            return;
        }

        Pending.Remove(delivery);
        metrics.WebhookDone(1);
        if (!delivered)
        {
            LogGaveUp(delivery.EventId, delivery.Type, delivery.Attempts);
        }
    }

    private async Task EnsureReminderAsync()
    {
        var want = Pending.Count > 0;
        if (want == _reminderRegistered)
        {
            return;
        }

        _reminderRegistered = want;
        if (want)
        {
            await this.RegisterOrUpdateReminder(ReminderName, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));
        }
        else if (await this.GetReminder(ReminderName) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    /// <summary>Enqueuers interleave with the delivery pass, so writes are serialized here.</summary>
    private async Task PersistAsync()
    {
        await _writeLock.WaitAsync();
        try
        {
            await state.WriteStateAsync();
        }
        finally
        {
            _writeLock.Release();
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Webhook {EventType} refused: its payload looks like card data")]
    private partial void LogRefusedCardData(string eventType);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook {EventType} dropped: {Pending} deliveries already waiting")]
    private partial void LogBacklogFull(string eventType, int pending);

    [LoggerMessage(Level = LogLevel.Information, Message = "Webhook {EventId} ({EventType}) failed attempt {Attempts}; retrying with backoff")]
    private partial void LogRetry(string eventId, string eventType, int attempts);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook {EventId} ({EventType}) given up after {Attempts} attempts")]
    private partial void LogGaveUp(string eventId, string eventType, int attempts);
}
