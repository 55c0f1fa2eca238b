using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Options;
using PciCloud.Grains.Webhooks;
using PciCloud.Region.Hosting;

namespace PciCloud.Region.Webhooks;

/// <summary>
/// POSTs deliveries over HTTP. Outside the local stack the connection is refused when the name
/// resolves to a non-public address (so a DNS change cannot point webhooks into the region's network),
/// and redirects are not followed.
/// </summary>
public sealed class HttpWebhookSender : IWebhookSender, IDisposable
{
    private readonly HttpClient _client;

    public HttpWebhookSender(IOptions<RegionOptions> options)
    {
        var allowPrivate = options.Value.AllowPrivateWebhooks;
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = false,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            ConnectCallback = (context, ct) => ConnectAsync(context, allowPrivate, ct),
        };
        _client = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
    }

    public async Task<bool> SendAsync(Uri url, string body, string signatureHeader, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation(WebhookSignature.HeaderName, signatureHeader);
        request.Headers.UserAgent.ParseAdd("PciCloud-Webhooks/1.0");
        using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        return response.IsSuccessStatusCode;
    }

    public void Dispose() => _client.Dispose();

    private static async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, bool allowPrivate, CancellationToken ct)
    {
        var addresses = await Dns.GetHostAddressesAsync(context.DnsEndPoint.Host, ct);
        var allowed = addresses.Where(a => allowPrivate || !WebhookAddressRules.IsNonPublic(a)).ToArray();
        if (allowed.Length == 0)
        {
            throw new HttpRequestException("The webhook endpoint does not resolve to a public address.");
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(allowed, context.DnsEndPoint.Port, ct);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
