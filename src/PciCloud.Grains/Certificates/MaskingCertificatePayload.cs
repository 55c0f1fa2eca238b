using System.Globalization;
using System.Text.Json;
using PciCloud.Contracts.Calls;
using PciCloud.Grains.Calls;

namespace PciCloud.Grains.Certificates;

/// <summary>
/// The signed statement about one call's masking (docs/VERIFY.md lists the fields): who, when, what
/// was masked and how, what the independent check found, and the digests of the audio sent on.
/// Never a digit: key presses are counted, masked spans are times.
/// </summary>
internal static class MaskingCertificatePayload
{
    public const string Type = "masking-certificate";

    public static byte[] Build(string callId, CallState call, string region, DateTimeOffset issuedAt, bool final)
    {
        var m = call.Masking ?? new MaskingSummary(0, [], 0, 0, []);
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteString("iss", $"pcicloud:region:{region}");
            w.WriteString("sub", callId);
            w.WriteNumber("iat", issuedAt.ToUnixTimeSeconds());
            w.WriteString("type", Type);
            w.WriteBoolean("final", final);
            w.WriteString("callId", callId);
            w.WriteString("tenantId", call.TenantId);
            w.WriteString("region", region);
            w.WriteString("startedAt", Time(call.StartedAt));
            WriteNullable(w, "endedAt", call.EndedAt is { } e ? Time(e) : null);
            w.WriteString("transport", call.Media?.Transport);
            w.WriteString("codec", call.Media?.Codec);
            w.WriteNumber("keyPressesMasked", m.KeyPressesMasked);
            w.WriteStartObject("keyPressesMaskedByTransport");
            foreach (var (transport, count) in (m.KeyPressesByTransport ?? new Dictionary<string, int>()).OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                w.WriteNumber(transport, count);
            }

            w.WriteEndObject();
            w.WriteStartArray("maskedSpans");
            foreach (var span in m.Spans)
            {
                w.WriteStartObject();
                w.WriteNumber("startMs", span.StartMs);
                w.WriteNumber("durationMs", span.DurationMs);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteNumber("leaks", m.Leaks);
            // The check covered everything only if the worker said so in its last report for the call.
            w.WriteBoolean("evidenceComplete", m.Final);
            w.WriteBoolean("verified", m.Verified && m.Final);
            w.WriteNumber("worstOnsetMs", m.WorstOnsetMs);
            WriteComponent(w, "masker", m.Masker);
            WriteComponent(w, "checker", m.Checker);
            w.WriteStartArray("legs");
            foreach (var leg in m.Legs ?? [])
            {
                w.WriteStartObject();
                w.WriteString("leg", leg.Leg);
                WriteNullable(w, "destination", leg.Destination);
                w.WriteNumber("bytes", leg.Bytes);
                w.WriteNumber("packets", leg.Packets);
                w.WriteString("sha256", leg.Sha256);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private static void WriteComponent(Utf8JsonWriter w, string name, MaskingComponent? component)
    {
        if (component is null)
        {
            w.WriteNull(name);
            return;
        }

        w.WriteStartObject(name);
        w.WriteString("name", component.Name);
        w.WriteString("version", component.Version);
        w.WriteStartObject("settings");
        foreach (var (key, value) in component.Settings.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            w.WriteString(key, value);
        }

        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void WriteNullable(Utf8JsonWriter w, string name, string? value)
    {
        if (value is null)
        {
            w.WriteNull(name);
        }
        else
        {
            w.WriteString(name, value);
        }
    }

    private static string Time(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);
}
