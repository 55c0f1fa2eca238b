using System.Globalization;
using System.Net;
using System.Net.WebSockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using PciCloud.MaskingWorker.Calls;
using PciCloud.MaskingWorker.Tests.Support;
using PciCloud.Media.Codecs;

namespace PciCloud.MaskingWorker.Tests.Diagnostics;

/// <summary>Not in parallel with other workers: OpenTelemetry listens to meters by name, process-wide.</summary>
[CollectionDefinition(nameof(PrometheusScrapeTests), DisableParallelization = true)]
public sealed class PrometheusScrapeCollection;

/// <summary>
/// The autoscaler's signal: a real worker's /metrics (Prometheus text format, its own port) carries
/// the active-streams gauge, which follows live calls; card data is never in it.
/// </summary>
[Collection(nameof(PrometheusScrapeTests))]
public sealed partial class PrometheusScrapeTests
{
    private const string Token = "scrape-secret-token";

    [Fact]
    public async Task ActiveStreamsGauge_FollowsALiveCall_AndCarriesNoCardData()
    {
        var metricsPort = WorkerHost.FreeTcpPort();
        await using var worker = await WorkerHost.StartAsync(WorkerHost.FreeUdpPort(), metricsPort: metricsPort);
        worker.Gateway.Add(WebSocketCall("call_scrape"));
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{metricsPort}") };
        Assert.Equal(0, await ActiveStreamsAsync(http));

        using var socket = new ClientWebSocket();
        await socket.ConnectAsync(new Uri($"ws://{worker.BaseUri.Authority}/v1/media/call_scrape?token={Token}"), Ct);
        await SendAsync(socket, """{"event":"start","sequenceNumber":"1","streamSid":"MZ1","start":{"streamSid":"MZ1","mediaFormat":{"encoding":"audio/x-mulaw","sampleRate":8000,"channels":1}}}""");
        var codes = TestAudio.Encode(TestAudio.CardEntry(), G711Law.MuLaw);
        for (var i = 0; i < codes.Length / 160; i++)
        {
            var payload = Convert.ToBase64String(codes, i * 160, 160);
            await SendAsync(socket, $$$"""{"event":"media","sequenceNumber":"{{{i + 2}}}","streamSid":"MZ1","media":{"track":"inbound","chunk":"{{{i + 1}}}","timestamp":"{{{i * 20}}}","payload":"{{{payload}}}"}}""");
            await socket.ReceiveAsync(new byte[16 * 1024], Ct);
        }

        await worker.Gateway.WaitForDigitsAsync("call_scrape", TestAudio.CardNumber.Length, TimeSpan.FromSeconds(30));
        Assert.Equal(1, await WaitForActiveStreamsAsync(http, 1));
        var during = await ScrapeAsync(http);
        Assert.Contains("pcicloud_worker_digits", during, StringComparison.Ordinal);
        Assert.DoesNotContain(TestAudio.CardNumber, during, StringComparison.Ordinal);
        Assert.DoesNotContain(Token, during, StringComparison.Ordinal);
        Assert.DoesNotContain("call_scrape", during, StringComparison.Ordinal);

        await SendAsync(socket, """{"event":"stop","sequenceNumber":"1000","streamSid":"MZ1"}""");
        await socket.ReceiveAsync(new byte[16 * 1024], Ct); // the worker's close
        Assert.Equal(0, await WaitForActiveStreamsAsync(http, 0));
    }

    [Fact]
    public async Task MetricsPath_OnTheMediaPort_IsNotServed()
    {
        await using var worker = await WorkerHost.StartAsync(WorkerHost.FreeUdpPort(), metricsPort: WorkerHost.FreeTcpPort());
        using var http = new HttpClient { BaseAddress = worker.BaseUri };

        using var response = await http.GetAsync(new Uri("/metrics", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<long> WaitForActiveStreamsAsync(HttpClient http, long expected)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        long value;
        while ((value = await ActiveStreamsAsync(http)) != expected && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50, Ct);
        }

        return value;
    }

    private static async Task<long> ActiveStreamsAsync(HttpClient http)
    {
        var text = await ScrapeAsync(http);
        Assert.Contains("# TYPE pcicloud_worker_active_streams gauge", text, StringComparison.Ordinal);
        var sample = ActiveStreamsSample().Match(text);
        Assert.True(sample.Success, text);
        return long.Parse(sample.Groups[1].Value, CultureInfo.InvariantCulture);
    }

    private static async Task<string> ScrapeAsync(HttpClient http)
    {
        using var response = await http.GetAsync(new Uri("/metrics", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadAsStringAsync(Ct);
    }

    private static Task SendAsync(ClientWebSocket socket, string json) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(json), WebSocketMessageType.Text, true, Ct);

    private static CallMediaSettings WebSocketCall(string callId) => new()
    {
        CallId = callId,
        Transport = MediaTransportKind.WebSocket,
        Codec = AudioCodec.Pcmu,
        StreamTokenSha256 = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Token))),
    };

    [GeneratedRegex(@"^pcicloud_worker_active_streams(?:\{[^}]*\})? (\d+)", RegexOptions.Multiline)]
    private static partial Regex ActiveStreamsSample();
}
