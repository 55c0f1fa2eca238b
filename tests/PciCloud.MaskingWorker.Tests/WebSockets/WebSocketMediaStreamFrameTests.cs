using System.Net.WebSockets;
using System.Text;
using Microsoft.Extensions.Logging;
using PciCloud.MaskingWorker.Diagnostics;
using PciCloud.MaskingWorker.Tests.Support;

namespace PciCloud.MaskingWorker.Tests.WebSockets;

/// <summary>What a stream does with each kind of bad frame: it closes, sends no audio, logs no payload.</summary>
public sealed class WebSocketMediaStreamFrameTests
{
    private const string Payload = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8g";

    [Theory]
    [InlineData("""{"event":"media","media":{"payload":"AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8g""")]
    [InlineData("""{"event":"media","media":{"payload":"AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8g"}""")]
    [InlineData("""{"event":"media","media":{"payload":"AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8g"}}}""")]
    [InlineData("""{"event":"media","media":{"payload":12345,"chunk":"AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8g"}}""")]
    [InlineData("""{"event":"media","media":{"payload":["AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8g"]}}""")]
    [InlineData("""{"event":"media","media":{"payload":"AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8g!"}}""")]
    [InlineData("""{"event":"media","media":{"payload":""}}""")]
    [InlineData("""{"event":"media","media":{"track":1,"payload":"AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8g"}}""")]
    [InlineData("""{"event":"media","media":"AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8g"}""")]
    [InlineData("""{"event":"media","dtmf":{"digit":4},"media":{"payload":"AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8g"}}""")]
    [InlineData("""{"event":"dtmf","dtmf":{"digit":"44"}}""")]
    [InlineData("""{"event":"subscribe"}""")]
    [InlineData("""null""")]
    public async Task RunAsync_MalformedFrameAfterStart_ClosesInvalidPayload_NoAudioOut_NoPayloadLogged(string frame)
    {
        await using var harness = new WebSocketStreamHarness();
        var logger = new RecordingLogger();

        var socket = await harness.RunAsync(logger, frame, Media(Payload));

        Assert.Equal(WebSocketCloseStatus.InvalidPayloadData, socket.CloseStatus);
        Assert.Empty(socket.Sent);
        Assert.Equal(1, harness.Parts.Metrics.Dropped(DropReason.Malformed));
        Assert.NotEmpty(logger.Messages);
        Assert.DoesNotContain(logger.Messages, m => m.Contains(Payload[..8], StringComparison.Ordinal) || m.Contains('4'));
    }

    [Fact]
    public async Task RunAsync_PayloadLargerThanTheAudioBuffer_ClosesInvalidPayload()
    {
        await using var harness = new WebSocketStreamHarness();

        var socket = await harness.RunAsync(Media(Convert.ToBase64String(new byte[1601])));

        Assert.Equal(WebSocketCloseStatus.InvalidPayloadData, socket.CloseStatus);
        Assert.Empty(socket.Sent);
    }

    [Fact]
    public async Task RunAsync_MessageLargerThanTheLimit_ClosesTooBig()
    {
        await using var harness = new WebSocketStreamHarness(maxMessageBytes: 1024);

        var socket = await harness.RunAsync(Media(Convert.ToBase64String(new byte[800])));

        Assert.Equal(WebSocketCloseStatus.MessageTooBig, socket.CloseStatus);
        Assert.Empty(socket.Sent);
        Assert.Equal(1, harness.Parts.Metrics.Dropped(DropReason.TooLarge));
    }

    [Fact]
    public async Task RunAsync_MediaBeforeStart_ClosesInvalidPayload()
    {
        await using var harness = new WebSocketStreamHarness();
        var socket = new ScriptedWebSocket([WebSocketStreamHarness.Utf8(Media(Payload))]);

        await harness.Stream(socket).RunAsync(TestContext.Current.CancellationToken);

        Assert.Equal(WebSocketCloseStatus.InvalidPayloadData, socket.CloseStatus);
        Assert.Empty(socket.Sent);
    }

    [Fact]
    public async Task RunAsync_EscapedPayloadThenStop_AnswersEachFrameWithTheSameLengthThenClosesNormally()
    {
        await using var harness = new WebSocketStreamHarness();
        var escaped = Payload.Replace("A", "\\u0041", StringComparison.Ordinal);

        var socket = await harness.RunAsync(Media(Payload), Media(escaped), """{"event":"mark","mark":{"name":"m"}}""", """{"event":"stop"}""");

        Assert.Equal(WebSocketCloseStatus.NormalClosure, socket.CloseStatus);
        Assert.Equal(2, socket.Sent.Count);
        Assert.All(socket.Sent, sent => Assert.Contains("\"track\":\"outbound\"", Encoding.UTF8.GetString(sent), StringComparison.Ordinal));
        Assert.All(socket.Sent, sent => Assert.Equal(Convert.FromBase64String(Payload).Length, Answered(sent).Length));
    }

    private static string Media(string payload) => $$$"""{"event":"media","streamSid":"MZ1","media":{"track":"inbound","payload":"{{{payload}}}"}}""";

    private static byte[] Answered(byte[] frame)
    {
        using var json = System.Text.Json.JsonDocument.Parse(frame);
        return json.RootElement.GetProperty("media").GetProperty("payload").GetBytesFromBase64();
    }

    private sealed class RecordingLogger : ILogger
    {
        public List<string> Messages { get; } = [];

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Messages.Add(formatter(state, exception) + " " + state + " " + exception);
    }
}
