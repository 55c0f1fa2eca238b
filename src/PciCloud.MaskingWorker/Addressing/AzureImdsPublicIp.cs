using System.Net;
using System.Net.Sockets;

namespace PciCloud.MaskingWorker.Addressing;

/// <summary>
/// Reads the public IPv4 address of the node's first interface from the Azure instance metadata
/// service. AKS nodes with instance-level public IPs do not see that address on any interface, so
/// the worker cannot learn it otherwise. The answer is checked strictly: exactly one dotted IPv4
/// address, or nothing is used.
/// </summary>
public sealed class AzureImdsPublicIp(HttpClient http, Uri baseUrl)
{
    /// <summary>Name of the HttpClient (no proxy: the metadata service must be reached directly).</summary>
    public const string HttpClientName = "azure-imds";

    public const string DefaultBaseUrl = "http://169.254.169.254/";

    public const string RelativePath =
        "metadata/instance/network/interface/0/ipv4/ipAddress/0/publicIpAddress?api-version=2021-02-01&format=text";

    public async Task<IPAddress> ReadAsync(CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(WithTrailingSlash(baseUrl), RelativePath));
        // The service refuses requests without it (a guard against forwarded requests).
        request.Headers.Add("Metadata", "true");
        string answer;
        try
        {
            using var response = await http.SendAsync(request, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                throw Unavailable($"answered HTTP {(int)response.StatusCode}");
            }

            answer = (await response.Content.ReadAsStringAsync(cancellationToken)).Trim();
        }
        catch (HttpRequestException ex)
        {
            throw Unavailable($"could not be reached or answered too much ({ex.Message})", ex);
        }
        catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw Unavailable("did not answer in time", ex);
        }

        return Parse(answer);
    }

    private IPAddress Parse(string answer)
    {
        if (answer.Length == 0)
        {
            throw Unavailable("says the node has no public IP (does the node pool have instance-level public IPs?)");
        }

        // Round-trip check: IPAddress.TryParse also takes "1" or "10.1" and reads them as other addresses.
        if (!IPAddress.TryParse(answer, out var address)
            || address.AddressFamily != AddressFamily.InterNetwork
            || !string.Equals(address.ToString(), answer, StringComparison.Ordinal)
            || IPAddress.IsLoopback(address)
            || address.Equals(IPAddress.Any)
            || address.Equals(IPAddress.Broadcast))
        {
            throw Unavailable($"answered something that is not a usable IPv4 address ({answer.Length} characters)");
        }

        return address;
    }

    private AdvertisedRtpHostUnavailableException Unavailable(string what, Exception? inner = null)
    {
        var message = $"The Azure instance metadata service at {baseUrl} {what}; the worker cannot advertise its RTP address.";
        return inner is null ? new AdvertisedRtpHostUnavailableException(message) : new AdvertisedRtpHostUnavailableException(message, inner);
    }

    private static Uri WithTrailingSlash(Uri uri) =>
        uri.AbsoluteUri.EndsWith('/') ? uri : new Uri(uri.AbsoluteUri + "/");
}
