using System.Text.Json.Serialization;

namespace PciCloud.MaskingWorker.WebSockets;

/// <summary>One JSON text frame of the Twilio Media Streams framing, as the platform sends it.</summary>
internal sealed class TwilioInboundMessage
{
    [JsonPropertyName("event")]
    public string? Event { get; set; }

    [JsonPropertyName("streamSid")]
    public string? StreamSid { get; set; }

    [JsonPropertyName("start")]
    public TwilioStart? Start { get; set; }

    [JsonPropertyName("media")]
    public TwilioMedia? Media { get; set; }

    [JsonPropertyName("dtmf")]
    public TwilioDtmf? Dtmf { get; set; }
}

internal sealed class TwilioStart
{
    [JsonPropertyName("streamSid")]
    public string? StreamSid { get; set; }

    [JsonPropertyName("mediaFormat")]
    public TwilioMediaFormat? MediaFormat { get; set; }
}

internal sealed class TwilioMediaFormat
{
    [JsonPropertyName("encoding")]
    public string? Encoding { get; set; }

    [JsonPropertyName("sampleRate")]
    public int SampleRate { get; set; }

    [JsonPropertyName("channels")]
    public int Channels { get; set; } = 1;
}

internal sealed class TwilioMedia
{
    [JsonPropertyName("track")]
    public string? Track { get; set; }

    [JsonPropertyName("chunk")]
    public string? Chunk { get; set; }

    [JsonPropertyName("timestamp")]
    public string? Timestamp { get; set; }

    [JsonPropertyName("payload")]
    public string? Payload { get; set; }
}

internal sealed class TwilioDtmf
{
    [JsonPropertyName("track")]
    public string? Track { get; set; }

    [JsonPropertyName("digit")]
    public string? Digit { get; set; }
}

[JsonSerializable(typeof(TwilioInboundMessage))]
[JsonSourceGenerationOptions(NumberHandling = JsonNumberHandling.AllowReadingFromString)]
internal sealed partial class TwilioJsonContext : JsonSerializerContext;
