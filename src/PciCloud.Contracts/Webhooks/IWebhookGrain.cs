namespace PciCloud.Contracts.Webhooks;

/// <summary>
/// A tenant's webhook deliveries (key: tenant id): events are persisted first and then delivered at
/// least once, with backoff, until a 2xx or 3 days.
/// </summary>
[Alias("pcicloud.webhook-grain.v1")]
public interface IWebhookGrain : IGrainWithStringKey
{
    [Alias("set-endpoint")] Task SetEndpointAsync(WebhookEndpoint endpoint);

    [Alias("get-endpoint")] Task<WebhookEndpoint?> GetEndpointAsync();

    /// <summary>Queue an event (type, JSON of its data object). Ignored when no endpoint subscribes to it.</summary>
    [Alias("enqueue")] Task EnqueueAsync(string eventType, string dataJson);

    /// <summary>
    /// Queue an event for one URL (a session's statusCallback), whatever the tenant's endpoint subscribes
    /// to; signed with the tenant's webhook signing secret, retried like the rest.
    /// </summary>
    [Alias("enqueue-to")] Task EnqueueToAsync(string url, string eventType, string dataJson);

    [Alias("backlog")] Task<int> GetBacklogAsync();
}
