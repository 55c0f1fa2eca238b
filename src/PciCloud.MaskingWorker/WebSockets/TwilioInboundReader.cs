using System.Text.Json;

namespace PciCloud.MaskingWorker.WebSockets;

/// <summary>
/// Reads inbound Twilio frames. A <c>media</c> frame (one every 20 ms) is read with a
/// <see cref="Utf8JsonReader"/> over the received bytes and its base64 audio decoded straight from
/// UTF-8 into the caller's buffer: nothing is allocated. The rare other frames are deserialized.
/// Either way a frame is accepted exactly when <see cref="JsonSerializer"/> would accept it into
/// <see cref="TwilioInboundMessage"/>, and a media payload exactly when <see cref="Convert"/> would decode it.
/// </summary>
internal sealed class TwilioInboundReader
{
    private const int NoAudio = 0;

    private readonly TwilioPayloadDecoder _payload = new();

    /// <param name="message">The deserialized frame, for events other than a plain media frame.</param>
    public TwilioEvent Read(ReadOnlySpan<byte> json, Span<byte> audio, out int audioLength, out TwilioInboundMessage? message)
    {
        message = null;
        audioLength = NoAudio;
        var scan = Scan(json, audio, ref audioLength);
        if (scan == Shape.Malformed || (scan == Shape.Media && audioLength == NoAudio))
        {
            return TwilioEvent.Malformed;
        }

        if (scan == Shape.Media)
        {
            return TwilioEvent.Media;
        }

        return ReadOther(json, audioLength, out message);
    }

    private static TwilioEvent ReadOther(ReadOnlySpan<byte> json, int audioLength, out TwilioInboundMessage? message)
    {
        try
        {
            message = JsonSerializer.Deserialize(json, TwilioJsonContext.Default.TwilioInboundMessage);
        }
        catch (JsonException)
        {
            message = null;
            return TwilioEvent.Malformed;
        }

        return message?.Event switch
        {
            "connected" => TwilioEvent.Connected,
            "start" => TwilioEvent.Start,
            "media" when audioLength != NoAudio => TwilioEvent.Media,
            "dtmf" => TwilioEvent.Dtmf,
            "stop" => TwilioEvent.Stop,
            "mark" => TwilioEvent.Mark,
            _ => TwilioEvent.Malformed,
        };
    }

    /// <summary>
    /// One pass over the whole frame: syntax, the types of the event, streamSid and media members,
    /// and the audio. A frame with a start or dtmf member is left to the deserializer (<see cref="Shape.Other"/>).
    /// </summary>
    private Shape Scan(ReadOnlySpan<byte> json, Span<byte> audio, ref int audioLength)
    {
        try
        {
            var reader = new Utf8JsonReader(json);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return Shape.Malformed;
            }

            var isMedia = false;
            var hasOtherMembers = false;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("event"u8))
                {
                    reader.Read();
                    if (!IsStringOrNull(reader.TokenType))
                    {
                        return Shape.Malformed;
                    }

                    isMedia = reader.TokenType == JsonTokenType.String && reader.ValueTextEquals("media"u8);
                }
                else if (reader.ValueTextEquals("streamSid"u8))
                {
                    reader.Read();
                    if (!IsStringOrNull(reader.TokenType))
                    {
                        return Shape.Malformed;
                    }
                }
                else if (reader.ValueTextEquals("media"u8))
                {
                    reader.Read();
                    if (!TryReadMedia(ref reader, audio, out audioLength))
                    {
                        return Shape.Malformed;
                    }
                }
                else
                {
                    hasOtherMembers |= reader.ValueTextEquals("start"u8) || reader.ValueTextEquals("dtmf"u8);
                    reader.Read();
                    reader.Skip();
                }
            }

            // Anything but whitespace after the object throws; a second value is not allowed.
            return reader.Read() ? Shape.Malformed : isMedia && !hasOtherMembers ? Shape.Media : Shape.Other;
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            // InvalidOperationException: an escaped payload that is not valid text (a lone surrogate).
            audioLength = NoAudio;
            return Shape.Malformed;
        }
    }

    /// <summary>The media member: null or an object whose known members are strings or null.</summary>
    private bool TryReadMedia(ref Utf8JsonReader reader, Span<byte> audio, out int audioLength)
    {
        audioLength = NoAudio;
        if (reader.TokenType == JsonTokenType.Null)
        {
            return true;
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isPayload = reader.ValueTextEquals("payload"u8);
            var isKnown = isPayload || reader.ValueTextEquals("track"u8) || reader.ValueTextEquals("chunk"u8) || reader.ValueTextEquals("timestamp"u8);
            reader.Read();
            if (isKnown && !IsStringOrNull(reader.TokenType))
            {
                return false;
            }

            if (isPayload)
            {
                audioLength = reader.TokenType == JsonTokenType.String ? _payload.Decode(ref reader, audio) : NoAudio;
            }
            else
            {
                reader.Skip();
            }
        }

        return true;
    }

    private static bool IsStringOrNull(JsonTokenType type) => type is JsonTokenType.String or JsonTokenType.Null;

    private enum Shape
    {
        Malformed,
        Media,
        Other,
    }
}
