using System.Security.Cryptography;
using System.Text.Json;
using PciCloud.MaskingWorker.Tests.Support;

namespace PciCloud.MaskingWorker.Tests.WebSockets;

/// <summary>The WebSocket leg's digest covers exactly the audio of the media frames the worker answered with, in order.</summary>
public sealed class WebSocketSentDigestTests
{
    [Fact]
    public async Task FinalReport_WebSocketLegDigest_IsTheSha256OfTheAnsweredPayloads()
    {
        await using var harness = new WebSocketStreamHarness();
        var frames = WebSocketStreamHarness.SpeechFrames(25).Select(f => System.Text.Encoding.UTF8.GetString(f)).ToArray();

        var socket = await harness.RunAsync([.. frames, """{"event":"stop","sequenceNumber":"99","streamSid":"MZ1"}"""]);

        var answered = socket.Sent
            .Select(m => JsonDocument.Parse(m).RootElement)
            .Where(e => e.GetProperty("event").GetString() == "media")
            .SelectMany(e => Convert.FromBase64String(e.GetProperty("media").GetProperty("payload").GetString()!))
            .ToArray();
        var leg = Assert.Single(harness.Parts.Gateway.Summaries["call_ws"].Legs);
        Assert.Equal(("websocket", 25 * 160L, 25L), (leg.Leg, leg.Bytes, leg.Packets));
        Assert.Equal(answered.Length, leg.Bytes);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(answered)), leg.Sha256);
    }
}
