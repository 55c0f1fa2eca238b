using System.Buffers;
using System.Globalization;
using System.Text.Json;

namespace PciCloud.MaskingWorker.WebSockets;

/// <summary>
/// Writes the worker's answer frames (<c>media</c> with the masked audio) into one reused buffer,
/// so a stream allocates nothing per frame for its output.
/// </summary>
internal sealed class TwilioOutboundWriter
{
    private readonly ArrayBufferWriter<byte> _buffer = new(1024);
    private readonly Utf8JsonWriter _json;

    public TwilioOutboundWriter() => _json = new Utf8JsonWriter(_buffer);

    /// <summary>A <c>media</c> frame; valid until the next call.</summary>
    public ReadOnlyMemory<byte> Media(string? streamSid, long sequenceNumber, long chunk, long timestampMs, ReadOnlySpan<byte> audio)
    {
        _buffer.ResetWrittenCount();
        _json.Reset(_buffer);
        _json.WriteStartObject();
        _json.WriteString("event"u8, "media"u8);
        if (streamSid is not null)
        {
            _json.WriteString("streamSid"u8, streamSid);
        }

        WriteNumberString("sequenceNumber"u8, sequenceNumber);
        _json.WriteStartObject("media"u8);
        _json.WriteString("track"u8, "outbound"u8);
        WriteNumberString("chunk"u8, chunk);
        WriteNumberString("timestamp"u8, timestampMs);
        _json.WriteBase64String("payload"u8, audio);
        _json.WriteEndObject();
        _json.WriteEndObject();
        _json.Flush();
        return _buffer.WrittenMemory;
    }

    // Twilio sends its counters as JSON strings; the answer follows the same framing.
    private void WriteNumberString(ReadOnlySpan<byte> name, long value)
    {
        Span<char> digits = stackalloc char[20];
        value.TryFormat(digits, out var written, provider: CultureInfo.InvariantCulture);
        _json.WriteString(name, digits[..written]);
    }
}
