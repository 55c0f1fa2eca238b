using System.Net;
using System.Net.WebSockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using PciCloud.MaskingWorker.Calls;
using PciCloud.MaskingWorker.Tests.Support;
using PciCloud.Media.Codecs;

namespace PciCloud.MaskingWorker.Tests.EndToEnd;

/// <summary>Twilio-framed media streams against a worker on loopback.</summary>
public sealed class WebSocketMediaStreamTests
{
    private const string Token = "stream-secret-token";

    [Fact]
    public async Task CardEntry_OneMaskedFramePerFrameInOrder_DigitsDelivered_NoneAudible()
    {
        await using var worker = await WorkerHost.StartAsync(WorkerHost.FreeUdpPort());
        worker.Gateway.Add(WebSocketCall("call_ws"));
        using var socket = new ClientWebSocket();
        await socket.ConnectAsync(StreamUri(worker, "call_ws", Token), TestContext.Current.CancellationToken);
        var codes = TestAudio.Encode(TestAudio.CardEntry(), G711Law.MuLaw);
        var frames = codes.Length / 160;

        await SendAsync(socket, """{"event":"connected","protocol":"Call","version":"1.0.0"}""");
        await SendAsync(socket, """{"event":"start","sequenceNumber":"1","streamSid":"MZ1","start":{"streamSid":"MZ1","tracks":["inbound"],"mediaFormat":{"encoding":"audio/x-mulaw","sampleRate":8000,"channels":1}}}""");
        var received = new List<byte>();
        var sequences = new List<long>();
        for (var i = 0; i < frames; i++)
        {
            var payload = Convert.ToBase64String(codes, i * 160, 160);
            await SendAsync(socket, $$$"""{"event":"media","sequenceNumber":"{{{i + 2}}}","streamSid":"MZ1","media":{"track":"inbound","chunk":"{{{i + 1}}}","timestamp":"{{{i * 20}}}","payload":"{{{payload}}}"}}""");
            using var answer = JsonDocument.Parse(await ReceiveAsync(socket));
            Assert.Equal("media", answer.RootElement.GetProperty("event").GetString());
            Assert.Equal("MZ1", answer.RootElement.GetProperty("streamSid").GetString());
            sequences.Add(long.Parse(answer.RootElement.GetProperty("sequenceNumber").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
            received.AddRange(Convert.FromBase64String(answer.RootElement.GetProperty("media").GetProperty("payload").GetString()!));
        }

        await SendAsync(socket, """{"event":"dtmf","streamSid":"MZ1","sequenceNumber":"999","dtmf":{"track":"inbound_track","digit":"7"}}""");
        await SendAsync(socket, """{"event":"stop","sequenceNumber":"1000","streamSid":"MZ1"}""");
        await ReceiveAsync(socket); // the worker's close

        Assert.Equal(codes.Length, received.Count);
        Assert.Equal(Enumerable.Range(1, frames).Select(i => (long)i), sequences);
        Assert.Equal(TestAudio.CardNumber + "7", await worker.Gateway.WaitForDigitsAsync("call_ws", 17, TimeSpan.FromSeconds(30)));
        var audio = TestAudio.Decode([.. received], G711Law.MuLaw);
        Assert.Equal("", TestAudio.DetectDigits(audio));
        if (Multimon.IsInstalled)
        {
            Assert.Equal("", await Multimon.DetectDigitsAsync(audio, TestContext.Current.CancellationToken));
        }
    }

    [Theory]
    [InlineData("call_ws", "wrong-token", HttpStatusCode.Unauthorized)]
    [InlineData("call_unknown", Token, HttpStatusCode.NotFound)]
    [InlineData("call_bad%20id", Token, HttpStatusCode.NotFound)]
    public async Task Connect_BadTokenOrUnknownCall_IsRefusedWithProblemDetails(string callId, string token, HttpStatusCode status)
    {
        await using var worker = await WorkerHost.StartAsync(WorkerHost.FreeUdpPort());
        worker.Gateway.Add(WebSocketCall("call_ws"));
        using var socket = new ClientWebSocket { Options = { CollectHttpResponseDetails = true } };

        await Assert.ThrowsAsync<WebSocketException>(() => socket.ConnectAsync(StreamUri(worker, callId, token), TestContext.Current.CancellationToken));

        Assert.Equal(status, socket.HttpStatusCode);
    }

    [Fact]
    public async Task MalformedFrame_ClosesTheStream_NoAudioOut()
    {
        await using var worker = await WorkerHost.StartAsync(WorkerHost.FreeUdpPort());
        worker.Gateway.Add(WebSocketCall("call_ws"));
        using var socket = new ClientWebSocket();
        await socket.ConnectAsync(StreamUri(worker, "call_ws", Token), TestContext.Current.CancellationToken);

        await SendAsync(socket, """{"event":"media","media":{"payload":"not base64!"}}""");
        await ReceiveAsync(socket);

        Assert.Equal(WebSocketCloseStatus.InvalidPayloadData, socket.CloseStatus);
    }

    private static CallMediaSettings WebSocketCall(string callId) => new()
    {
        CallId = callId,
        Transport = MediaTransportKind.WebSocket,
        Codec = AudioCodec.Pcmu,
        StreamTokenSha256 = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Token))),
    };

    private static Uri StreamUri(WorkerHost worker, string callId, string token) =>
        new($"ws://{worker.BaseUri.Authority}/v1/media/{callId}?token={Uri.EscapeDataString(token)}");

    private static Task SendAsync(ClientWebSocket socket, string json) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(json), WebSocketMessageType.Text, true, TestContext.Current.CancellationToken);

    private static async Task<string> ReceiveAsync(ClientWebSocket socket)
    {
        var buffer = new byte[16 * 1024];
        var length = 0;
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer.AsMemory(length), TestContext.Current.CancellationToken);
            length += result.Count;
            if (result.EndOfMessage || result.MessageType == WebSocketMessageType.Close)
            {
                return Encoding.UTF8.GetString(buffer, 0, length);
            }
        }
    }
}
