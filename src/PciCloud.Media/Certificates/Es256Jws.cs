using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace PciCloud.Media.Certificates;

/// <summary>
/// JWS compact serialization (RFC 7515) with ES256 only (RFC 7518 3.4: ECDSA P-256 and SHA-256, the
/// signature as R||S, 64 bytes). Small on purpose: any JWT library or openssl checks what it signs,
/// and the verifier accepts nothing but ES256 with a key id, so "alg: none" or a swapped algorithm fails.
/// </summary>
public static class Es256Jws
{
    public const string Algorithm = "ES256";

    /// <summary>The media type of a masking certificate (the header's <c>typ</c>).</summary>
    public const string MaskingCertificateType = "pcicloud-masking-certificate+jwt";

    private const int SignatureBytes = 64;

    /// <summary>Signs <paramref name="payloadJson"/> (UTF-8 JSON) with a P-256 key; the header names the key.</summary>
    public static string Sign(ReadOnlySpan<byte> payloadJson, string keyId, ECDsa key, string type = MaskingCertificateType)
    {
        ArgumentException.ThrowIfNullOrEmpty(keyId);
        ArgumentNullException.ThrowIfNull(key);
        if (key.KeySize != 256)
        {
            throw new ArgumentException("ES256 needs a P-256 key.", nameof(key));
        }

        using var header = new MemoryStream();
        using (var writer = new Utf8JsonWriter(header))
        {
            writer.WriteStartObject();
            writer.WriteString("alg", Algorithm);
            writer.WriteString("kid", keyId);
            writer.WriteString("typ", type);
            writer.WriteEndObject();
        }

        var signingInput = Base64Url.EncodeToString(header.ToArray()) + "." + Base64Url.EncodeToString(payloadJson);
        var signature = key.SignData(Encoding.ASCII.GetBytes(signingInput), HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        return signingInput + "." + Base64Url.EncodeToString(signature);
    }

    /// <summary>
    /// Checks a compact JWS against the key its header names (<paramref name="resolveKey"/> returns null
    /// for an unknown key id). Never throws on hostile input: the result says what was wrong.
    /// </summary>
    public static JwsVerification Verify(string compact, Func<string, ECDsa?> resolveKey)
    {
        ArgumentNullException.ThrowIfNull(resolveKey);
        var parts = (compact ?? "").Trim().Split('.');
        if (parts.Length != 3)
        {
            return JwsVerification.Fail("not a JWS compact serialization (three base64url parts)");
        }

        if (!TryDecode(parts[0], out var headerBytes) || !TryDecode(parts[1], out var payload) || !TryDecode(parts[2], out var signature))
        {
            return JwsVerification.Fail("a part is not base64url");
        }

        if (!TryReadHeader(headerBytes, out var keyId, out var error))
        {
            return JwsVerification.Fail(error);
        }

        if (signature.Length != SignatureBytes)
        {
            return JwsVerification.Fail("the signature is not 64 bytes (ES256 R||S)", keyId);
        }

        var key = resolveKey(keyId);
        if (key is null)
        {
            return JwsVerification.Fail($"no public key with key id '{keyId}'", keyId);
        }

        var signingInput = Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]);
        return key.KeySize == 256 && key.VerifyData(signingInput, signature, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation)
            ? new JwsVerification(true, keyId, payload, null)
            : JwsVerification.Fail("the signature does not match the header and payload", keyId);
    }

    private static bool TryReadHeader(byte[] header, out string keyId, out string error)
    {
        keyId = "";
        error = "";
        try
        {
            using var doc = JsonDocument.Parse(header);
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("alg", out var alg) || alg.ValueKind != JsonValueKind.String || alg.GetString() != Algorithm)
            {
                error = "the header's alg is not ES256";
                return false;
            }

            if (!root.TryGetProperty("kid", out var kid) || kid.ValueKind != JsonValueKind.String || string.IsNullOrEmpty(kid.GetString()))
            {
                error = "the header names no key id";
                return false;
            }

            keyId = kid.GetString()!;
            return true;
        }
        catch (JsonException)
        {
            error = "the header is not JSON";
            return false;
        }
    }

    private static bool TryDecode(string part, out byte[] bytes)
    {
        bytes = [];
        if (part.Length == 0 || !Base64Url.IsValid(part))
        {
            return false;
        }

        bytes = Base64Url.DecodeFromChars(part);
        return true;
    }
}
