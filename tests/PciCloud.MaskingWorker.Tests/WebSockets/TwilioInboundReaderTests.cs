using System.Text;
using System.Text.Json;
using PciCloud.MaskingWorker.WebSockets;

namespace PciCloud.MaskingWorker.Tests.WebSockets;

/// <summary>
/// The allocation-free reader against the rule it replaced: deserialize into
/// <see cref="TwilioInboundMessage"/>, then decode the media payload with <see cref="Convert"/>.
/// </summary>
public sealed class TwilioInboundReaderTests
{
    private const string Audio = "AAECAwQFBgcICQ==";
    private const string Media = $$$"""{"event":"media","sequenceNumber":"2","streamSid":"MZ1","media":{"track":"inbound","chunk":"1","timestamp":"0","payload":"{{{Audio}}}"}}""";

    public static TheoryData<string> Frames => new(
        Media,
        """{"event":"connected","protocol":"Call","version":"1.0.0"}""",
        """{"event":"start","streamSid":"MZ1","start":{"streamSid":"MZ1","mediaFormat":{"encoding":"audio/x-mulaw","sampleRate":"8000","channels":1}}}""",
        """{"event":"dtmf","dtmf":{"track":"inbound_track","digit":"7"}}""",
        """{"event":"stop"}""",
        """{"event":"mark","mark":{"name":"x"}}""",
        """{"event":"unknown"}""",
        """{"media":{"payload":"AAAA"}}""",
        """{"event":null,"media":{"payload":"AAAA"}}""",
        """{"media":{"payload":"AAAA"},"event":"media"}""",
        """{"event":"media","event":"stop","media":{"payload":"AAAA"}}""",
        """{"event":"stop","event":"media","media":{"payload":"AAAA"}}""",
        """{"\u0065vent":"\u006dedia","media":{"payload":"AAAA"}}""",
        """{"Event":"media","media":{"payload":"AAAA"}}""",
        """{"event":"media","media":{"payload":"AAAA"},"media":null}""",
        """{"event":"media","media":{"payload":"AAAA","payload":null}}""",
        """{"event":"media","media":{"payload":"!!!!","payload":"AAAA"}}""",
        """{"event":"media","media":{"payload":"AA\/A"}}""",
        """{"event":"media","media":{"payload":"AA\u002BA"}}""",
        """{"event":"media","media":{"payload":"\ud800AAA"}}""",
        """{"event":"media","media":{"payload":"AA AA"}}""",
        """{"event":"media","media":{"payload":"AA\nAA\r\n"}}""",
        """{"event":"media","media":{"payload":"AA\tAA"}}""",
        """{"event":"media","media":{"payload":"AAA"}}""",
        """{"event":"media","media":{"payload":"AAA="}}""",
        """{"event":"media","media":{"payload":"AA=="}}""",
        """{"event":"media","media":{"payload":"AA=A"}}""",
        """{"event":"media","media":{"payload":"AAAA===="}}""",
        """{"event":"media","media":{"payload":"AB-_"}}""",
        """{"event":"media","media":{"payload":"é"}}""",
        """{"event":"media","media":{"payload":""}}""",
        """{"event":"media","media":{"payload":null}}""",
        """{"event":"media","media":{}}""",
        """{"event":"media","media":null}""",
        """{"event":"media"}""",
        """{"event":"media","media":{"payload":5}}""",
        """{"event":"media","media":{"payload":["AAAA"]}}""",
        """{"event":"media","media":{"payload":{"a":"AAAA"}}}""",
        """{"event":"media","media":{"payload":true}}""",
        """{"event":"media","media":"AAAA"}""",
        """{"event":"media","media":["AAAA"]}""",
        """{"event":"media","media":{"track":1,"payload":"AAAA"}}""",
        """{"event":"media","media":{"chunk":1,"payload":"AAAA"}}""",
        """{"event":"media","media":{"timestamp":{},"payload":"AAAA"}}""",
        """{"event":"media","media":{"other":[1,{"a":2}],"payload":"AAAA"}}""",
        """{"event":"media","streamSid":7,"media":{"payload":"AAAA"}}""",
        """{"event":7,"media":{"payload":"AAAA"}}""",
        """{"event":["media"],"media":{"payload":"AAAA"}}""",
        """{"event":"media","sequenceNumber":2,"extra":{"x":[1,2,{"y":null}]},"media":{"payload":"AAAA"}}""",
        """{"$id":"1","event":"media","media":{"payload":"AAAA"}}""",
        """{"event":"media","start":null,"dtmf":null,"media":{"payload":"AAAA"}}""",
        """{"event":"media","start":{"streamSid":"MZ1"},"media":{"payload":"AAAA"}}""",
        """{"event":"media","start":{"mediaFormat":{"sampleRate":"fast"}},"media":{"payload":"AAAA"}}""",
        """{"event":"media","start":5,"media":{"payload":"AAAA"}}""",
        """{"event":"media","dtmf":{"digit":7},"media":{"payload":"AAAA"}}""",
        """{"event":"media","dtmf":{"digit":"7"},"media":{"payload":"!!"}}""",
        """{"event":"media","media":{"payload":"AAAA"}} """,
        """{"event":"media","media":{"payload":"AAAA"}}{}""",
        """{"event":"media","media":{"payload":"AAAA"}} x""",
        """{"event":"media","media":{"payload":"AAAA"},}""",
        """{"event":"media",/*c*/"media":{"payload":"AAAA"}}""",
        """{'event':'media'}""",
        """["event","media"]""",
        """null""",
        """ "media" """,
        """5""",
        "",
        "   ",
        """{"event":"media","media":{"payload":"AAAA""",
        """{"event":"media","media":{"payload":"AA""");

    [Theory]
    [MemberData(nameof(Frames))]
    public void Read_AnyFrame_SameOutcomeAsDeserializing(string frame) => AssertSameOutcome(Encoding.UTF8.GetBytes(frame));

    [Fact]
    public void Read_EveryTruncationAndByteChange_SameOutcomeAsDeserializing()
    {
        var media = Encoding.UTF8.GetBytes(Media);
        for (var length = 0; length <= media.Length; length++)
        {
            AssertSameOutcome(media.AsSpan(0, length).ToArray());
        }

        var random = new Random(4733);
        ReadOnlySpan<byte> replacements = "\"{}[],:\\/+=!aA0 \n"u8;
        for (var i = 0; i < 20_000; i++)
        {
            var mutated = (byte[])media.Clone();
            for (var changes = random.Next(1, 4); changes > 0; changes--)
            {
                mutated[random.Next(mutated.Length)] = replacements[random.Next(replacements.Length)];
            }

            AssertSameOutcome(mutated);
        }
    }

    [Theory]
    [InlineData(TwilioFrameHandler.MaxFrameBytes, true)]
    [InlineData(TwilioFrameHandler.MaxFrameBytes + 1, false)]
    [InlineData(4 * TwilioFrameHandler.MaxFrameBytes, false)]
    public void Read_PayloadAroundTheBufferSize_DecodesOnlyWhatFits(int bytes, bool fits)
    {
        var audio = new byte[TwilioFrameHandler.MaxFrameBytes];
        var payload = Enumerable.Range(0, bytes).Select(i => (byte)i).ToArray();
        var frame = Encoding.UTF8.GetBytes($$$"""{"event":"media","media":{"payload":"{{{Convert.ToBase64String(payload)}}}"}}""");

        var kind = new TwilioInboundReader().Read(frame, audio, out var length, out _);

        Assert.Equal(fits ? TwilioEvent.Media : TwilioEvent.Malformed, kind);
        if (fits)
        {
            Assert.Equal(payload, audio.AsSpan(0, length).ToArray());
        }

        AssertSameOutcome(frame);
    }

    private static void AssertSameOutcome(byte[] frame)
    {
        var audio = new byte[TwilioFrameHandler.MaxFrameBytes];
        var kind = new TwilioInboundReader().Read(frame, audio, out var length, out var message);
        var (expectedKind, expectedAudio) = Deserialized(frame);

        var shown = Encoding.UTF8.GetString(frame);
        Assert.True(expectedKind == kind, $"{shown}: {kind}, deserializing gives {expectedKind}");
        if (kind == TwilioEvent.Media)
        {
            Assert.Equal(expectedAudio, audio.AsSpan(0, length).ToArray());
        }
        else if (kind != TwilioEvent.Malformed)
        {
            Assert.NotNull(message);
        }
    }

    /// <summary>The rule before the reader: what the stream did with a frame.</summary>
    private static (TwilioEvent Kind, byte[] Audio) Deserialized(byte[] frame)
    {
        TwilioInboundMessage? message;
        try
        {
            message = JsonSerializer.Deserialize(frame, TwilioJsonContext.Default.TwilioInboundMessage);
        }
        catch (JsonException)
        {
            return (TwilioEvent.Malformed, []);
        }

        var audio = new byte[TwilioFrameHandler.MaxFrameBytes];
        return message?.Event switch
        {
            "connected" => (TwilioEvent.Connected, []),
            "start" => (TwilioEvent.Start, []),
            "media" when message.Media?.Payload is { } payload && Convert.TryFromBase64String(payload, audio, out var length) && length > 0
                => (TwilioEvent.Media, audio[..length]),
            "dtmf" => (TwilioEvent.Dtmf, []),
            "stop" => (TwilioEvent.Stop, []),
            "mark" => (TwilioEvent.Mark, []),
            _ => (TwilioEvent.Malformed, []),
        };
    }
}
