using Microsoft.Extensions.Options;
using PciCloud.MaskingWorker.Hosting;

namespace PciCloud.MaskingWorker.Addressing;

/// <summary>
/// The host the worker advertises as <c>media.rtp.host</c>: <c>MaskingWorker:AdvertisedRtpHost</c>,
/// or, with <c>MaskingWorker:AdvertisedRtpHostSource = azure-imds</c>, the node's public IP read
/// once from the Azure instance metadata service. Throws <see cref="AdvertisedRtpHostUnavailableException"/>
/// rather than fall back to an address tenants could not reach.
/// </summary>
public sealed class AdvertisedRtpHostResolver(IOptions<MaskingWorkerOptions> options, IHttpClientFactory httpClients)
{
    public const string AzureImdsSource = "azure-imds";

    public async Task<string> ResolveAsync(CancellationToken cancellationToken)
    {
        var o = options.Value;
        if (string.IsNullOrWhiteSpace(o.AdvertisedRtpHostSource))
        {
            return o.AdvertisedRtpHost;
        }

        if (!string.Equals(o.AdvertisedRtpHostSource, AzureImdsSource, StringComparison.OrdinalIgnoreCase))
        {
            throw new AdvertisedRtpHostUnavailableException(
                $"MaskingWorker:AdvertisedRtpHostSource must be '{AzureImdsSource}' or empty, not '{o.AdvertisedRtpHostSource}'.");
        }

        if (!Uri.TryCreate(o.ImdsBaseUrl, UriKind.Absolute, out var baseUrl) || baseUrl.Scheme != Uri.UriSchemeHttp)
        {
            throw new AdvertisedRtpHostUnavailableException($"MaskingWorker:ImdsBaseUrl '{o.ImdsBaseUrl}' is not an absolute http address.");
        }

        var imds = new AzureImdsPublicIp(httpClients.CreateClient(AzureImdsPublicIp.HttpClientName), baseUrl);
        return (await imds.ReadAsync(cancellationToken)).ToString();
    }
}
