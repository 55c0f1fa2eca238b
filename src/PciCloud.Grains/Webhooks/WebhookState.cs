using PciCloud.Contracts.Webhooks;

namespace PciCloud.Grains.Webhooks;

[GenerateSerializer, Alias("pcicloud.webhook-state.v1")]
public sealed class WebhookState
{
    [Id(0)] public WebhookEndpoint? Endpoint { get; set; }

    [Id(1)] public List<WebhookDelivery> Pending { get; set; } = [];
}
