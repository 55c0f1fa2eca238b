using System.Buffers;
using System.Buffers.Text;
using System.Text;
using System.Text.Json;

namespace PciCloud.MaskingWorker.WebSockets;

/// <summary>
/// Decodes a media payload straight from the frame's UTF-8 bytes, by the rule of
/// <see cref="Convert.TryFromBase64String(string, Span{byte}, out int)"/>, without allocating once warm.
/// </summary>
internal sealed class TwilioPayloadDecoder
{
    // Only for payloads sent with JSON escapes (a client that escapes '/' or '+'), and for the lenient
    // base64 rule: each grows once, then is reused.
    private byte[] _unescaped = [];
    private char[] _chars = [];

    /// <summary>Decodes the string the reader is on; the decoded length, or 0 when the payload is empty, not base64 or too large.</summary>
    public int Decode(ref Utf8JsonReader reader, Span<byte> audio)
    {
        var base64 = reader.ValueSpan;
        if (reader.ValueIsEscaped)
        {
            Reserve(ref _unescaped, base64.Length, audio.Length);
            base64 = _unescaped.AsSpan(0, reader.CopyString(_unescaped));
        }

        var status = Base64.DecodeFromUtf8(base64, audio, out var consumed, out var written);
        if (status == OperationStatus.Done && consumed == base64.Length)
        {
            return written;
        }

        return status == OperationStatus.InvalidData ? DecodeLeniently(base64, audio) : 0;
    }

    /// <summary>
    /// <see cref="Convert"/> takes a final character whose unused bits are not zero ("AB==" for "AA=="),
    /// which <see cref="Base64"/> refuses; senders that relied on it keep working. Bytes are widened
    /// one to one, so anything that is not ASCII base64 stays invalid.
    /// </summary>
    private int DecodeLeniently(ReadOnlySpan<byte> base64, Span<byte> audio)
    {
        Reserve(ref _chars, base64.Length, audio.Length);
        var chars = _chars.AsSpan(0, Encoding.Latin1.GetChars(base64, _chars));
        return Convert.TryFromBase64Chars(chars, audio, out var written) ? written : 0;
    }

    /// <summary>Grows a scratch buffer once to hold any payload that can fit the audio buffer, so a stream stops allocating.</summary>
    private static void Reserve<T>(ref T[] buffer, int length, int audioLength)
    {
        if (buffer.Length < length)
        {
            buffer = new T[Math.Max(length, Base64.GetMaxEncodedToUtf8Length(audioLength))];
        }
    }
}
