using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using PciCloud.MaskingWorker.Calls;
using PciCloud.MaskingWorker.Streams;
using PciCloud.MaskingWorker.WebSockets;
using PciCloud.Media.Codecs;

namespace PciCloud.MaskingWorker.Tests.Support;

/// <summary>One Twilio-framed stream over a <see cref="ScriptedWebSocket"/>: the worker's stream code without a host.</summary>
internal sealed class WebSocketStreamHarness : IAsyncDisposable
{
    public const string StartFrame = """{"event":"start","sequenceNumber":"1","streamSid":"MZ1","start":{"streamSid":"MZ1","tracks":["inbound"],"mediaFormat":{"encoding":"audio/x-mulaw","sampleRate":8000,"channels":1}}}""";

    public WebSocketStreamHarness(int maxMessageBytes = 16 * 1024)
    {
        Parts = new WorkerParts(AudioCodec.Pcmu, "call_ws");
        MaxMessageBytes = maxMessageBytes;
        Session = new CallMediaSession(Parts.Settings() with { Transport = MediaTransportKind.WebSocket }, Parts.Audio, Parts.Delivery, Parts.Gateway, _ => { });
    }

    public WorkerParts Parts { get; }

    public CallMediaSession Session { get; }

    public int MaxMessageBytes { get; }

    public static byte[] Utf8(string json) => Encoding.UTF8.GetBytes(json);

    public static string MediaFrame(int index, ReadOnlySpan<byte> audio) =>
        $$$"""{"event":"media","sequenceNumber":"{{{index + 2}}}","streamSid":"MZ1","media":{"track":"inbound","chunk":"{{{index + 1}}}","timestamp":"{{{index * 20}}}","payload":"{{{Convert.ToBase64String(audio)}}}"}}""";

    /// <summary>20 ms frames of speech-like audio, G.711 mu-law, as Twilio media messages.</summary>
    public static List<byte[]> SpeechFrames(int count)
    {
        var codes = TestAudio.Encode(TestAudio.PseudoSpeech(count * 20), G711Law.MuLaw);
        return [.. Enumerable.Range(0, count).Select(i => Utf8(MediaFrame(i, codes.AsSpan(i * 160, 160))))];
    }

    public WebSocketMediaStream Stream(ScriptedWebSocket socket, ILogger? logger = null) =>
        new(socket, Session, MaxMessageBytes, 1000, Parts.Metrics, logger ?? NullLogger.Instance);

    /// <summary>Runs the stream over the frames (the start frame first) until it closes.</summary>
    public Task<ScriptedWebSocket> RunAsync(params string[] frames) => RunAsync(NullLogger.Instance, frames);

    public async Task<ScriptedWebSocket> RunAsync(ILogger logger, params string[] frames)
    {
        var socket = new ScriptedWebSocket([Utf8(StartFrame), .. frames.Select(Utf8)]);
        await Stream(socket, logger).RunAsync(TestContext.Current.CancellationToken);
        return socket;
    }

    public ValueTask DisposeAsync() => Parts.DisposeAsync();
}
