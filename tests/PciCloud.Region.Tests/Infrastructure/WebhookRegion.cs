namespace PciCloud.Region.Tests.Infrastructure;

/// <summary>A region that may deliver webhooks to loopback (as the local stack does), with a 50 ms first retry.</summary>
public sealed class WebhookRegion : RegionApplication, IAsyncLifetime
{
    public WebhookRegion()
    {
        With("Region:AllowPrivateWebhooks", "true");
        With("Webhooks:InitialRetryDelay", "00:00:00.050");
        With("Webhooks:MaxRetryDelay", "00:00:00.200");
    }

    public async ValueTask InitializeAsync()
    {
        _ = Server;
        await RegisterWorkerAsync(capacity: 1000, portMin: 40000, portMax: 42000);
    }
}
