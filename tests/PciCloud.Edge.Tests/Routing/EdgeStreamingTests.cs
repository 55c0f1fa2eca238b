using System.Net.Http.Headers;
using System.Net.WebSockets;
using System.Text;
using PciCloud.Edge.Tests.Infrastructure;
using static PciCloud.Edge.Tests.Infrastructure.EdgeStack;

namespace PciCloud.Edge.Tests.Routing;

public sealed class EdgeStreamingTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ServerSentEvents_WithQueryToken_StreamThroughUnbuffered()
    {
        await using var stack = await StartAsync();
        using var guard = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        guard.CancelAfter(TimeSpan.FromSeconds(60)); // a hang guard, not a timing assertion
        var request = new HttpRequestMessage(HttpMethod.Get, $"/v1/payment-sessions/ps_1/events?token={AgentToken(UkTenant)}");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));

        using var response = await stack.Client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, guard.Token);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(guard.Token));

        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        // The region holds the second event until the first has reached the client: a buffering edge would hang here.
        Assert.Equal("data: one from uk", await reader.ReadLineAsync(guard.Token));
        stack.Uk.ReleaseSecondEvent.SetResult();
        Assert.Equal("", await reader.ReadLineAsync(guard.Token));
        Assert.Equal("data: two from uk", await reader.ReadLineAsync(guard.Token));
    }

    [Fact]
    public async Task WebSocket_PassesThroughToTheTenantsRegion()
    {
        await using var stack = await StartAsync();
        using var socket = new ClientWebSocket();
        var uri = new UriBuilder(stack.Address) { Scheme = "ws", Path = "/agent/ws", Query = "token=" + AgentToken(AuTenant) }.Uri;

        await socket.ConnectAsync(uri, Ct);
        await socket.SendAsync(Encoding.UTF8.GetBytes("hello"), WebSocketMessageType.Text, endOfMessage: true, Ct);
        var buffer = new byte[256];
        var received = await socket.ReceiveAsync(buffer, Ct);
        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", Ct);

        Assert.Equal("au:hello", Encoding.UTF8.GetString(buffer, 0, received.Count));
    }
}
