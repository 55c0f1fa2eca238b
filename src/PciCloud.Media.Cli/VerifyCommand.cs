using System.Globalization;
using System.Text.Json;
using PciCloud.Media.Certificates;

namespace PciCloud.Media.Cli;

/// <summary>
/// <c>verify CERT [--recording FILE] (--jwks URL|FILE | --key PUBLIC.pem)</c>: checks a masking certificate's
/// signature, prints what it states, and with a recording checks its digest against the legs' and runs the
/// detector over it. Exit 0: all checks passed; 1: a check failed; 2: bad input.
/// </summary>
public static class VerifyCommand
{
    public const int Failed = 1;

    public static int Run(CliArguments arguments, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(output);
        arguments.RequirePositional(1, "CERT");
        var keys = VerificationKeys.Load(arguments.GetOptional("--jwks"), arguments.GetOptional("--key"));
        var result = Es256Jws.Verify(ReadCertificate(arguments.Positional[0]), keys);
        if (!result.Valid)
        {
            output.WriteLine($"signature: INVALID ({result.Error})");
            return Failed;
        }

        output.WriteLine($"signature: valid (ES256, key {result.KeyId})");
        using var doc = JsonDocument.Parse(result.Payload);
        var c = doc.RootElement;
        output.WriteLine($"call: {Text(c, "callId")} tenant {Text(c, "tenantId")} region {Text(c, "region")} codec {Text(c, "codec")}");
        output.WriteLine($"time: {Text(c, "startedAt")} to {Text(c, "endedAt") ?? "(still running)"}; final: {Raw(c, "final")}");
        output.WriteLine($"masked key presses: {Raw(c, "keyPressesMasked")}; leaks: {Raw(c, "leaks")}; verified: {Raw(c, "verified")}; worst onset: {Raw(c, "worstOnsetMs")} ms");
        var legs = c.TryGetProperty("legs", out var l) && l.ValueKind == JsonValueKind.Array ? l.EnumerateArray().ToArray() : [];
        foreach (var leg in legs)
        {
            output.WriteLine($"leg {Text(leg, "leg")}: {Raw(leg, "bytes")} bytes, sha256 {Text(leg, "sha256")}");
        }

        var ok = Raw(c, "leaks") == "0";
        if (arguments.GetOptional("--recording") is { } recording)
        {
            ok &= CheckRecording(recording, Text(c, "codec") ?? "PCMU", legs, output);
        }

        output.WriteLine(ok ? "result: OK" : "result: FAILED");
        return ok ? CommandLine.Ok : Failed;
    }

    private static bool CheckRecording(string path, string codec, JsonElement[] legs, TextWriter output)
    {
        var (g711, pcm) = RecordingCheck.Read(path, codec);
        var ok = true;
        if (g711 is null)
        {
            output.WriteLine("recording digest: not checkable (PCM16 WAV: the G.711 bytes sent are not in it)");
        }
        else
        {
            var digest = RecordingCheck.Sha256Hex(g711);
            var matches = legs
                .Where(leg => Text(leg, "sha256") == digest && Raw(leg, "bytes") == g711.Length.ToString(CultureInfo.InvariantCulture))
                .Select(leg => Text(leg, "leg"))
                .ToArray();
            ok = matches.Length > 0;
            output.WriteLine(ok
                ? $"recording digest: matches leg {string.Join(", ", matches)} ({g711.Length} bytes)"
                : $"recording digest: NO MATCH (sha256 {digest}, {g711.Length} bytes)");
        }

        var digits = RecordingCheck.DetectDigits(pcm);
        output.WriteLine(digits.Length == 0 ? "detector: no key tone in the recording" : $"detector: FOUND {digits.Length} key tone(s) in the recording");
        return ok && digits.Length == 0;
    }

    /// <summary>The bare JWS, or the JSON the API answers (its "certificate").</summary>
    private static string ReadCertificate(string path)
    {
        var text = File.ReadAllText(path).Trim();
        if (!text.StartsWith('{'))
        {
            return text;
        }

        try
        {
            using var doc = JsonDocument.Parse(text);
            return Text(doc.RootElement, "certificate") ?? throw new UsageException($"{path}: JSON without a \"certificate\"");
        }
        catch (JsonException e)
        {
            throw new UsageException($"{path}: {e.Message}");
        }
    }

    private static string? Text(JsonElement o, string name) =>
        o.ValueKind == JsonValueKind.Object && o.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static string Raw(JsonElement o, string name) =>
        o.ValueKind == JsonValueKind.Object && o.TryGetProperty(name, out var v) ? v.GetRawText() : "?";
}
