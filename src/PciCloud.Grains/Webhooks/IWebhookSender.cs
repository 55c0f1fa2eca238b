namespace PciCloud.Grains.Webhooks;

/// <summary>Sends one signed webhook delivery (the host provides it: HTTP, with its address rules).</summary>
public interface IWebhookSender
{
    /// <summary>True when the endpoint answered 2xx; false on any other answer, timeout or refused address.</summary>
    Task<bool> SendAsync(Uri url, string body, string signatureHeader, CancellationToken cancellationToken);
}
