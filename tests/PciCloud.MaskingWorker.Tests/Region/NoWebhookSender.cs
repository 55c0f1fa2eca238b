using PciCloud.Grains.Webhooks;

namespace PciCloud.MaskingWorker.Tests.Region;

/// <summary>The test region sends no webhooks (no tenant here has an endpoint); the grains still need a sender.</summary>
internal sealed class NoWebhookSender : IWebhookSender
{
    public Task<bool> SendAsync(Uri url, string body, string signatureHeader, CancellationToken cancellationToken) => Task.FromResult(false);
}
