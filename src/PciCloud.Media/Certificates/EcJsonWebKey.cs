using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PciCloud.Media.Certificates;

/// <summary>
/// P-256 public keys as JSON Web Keys (RFC 7517/7518) and their RFC 7638 thumbprint, which serves
/// as the key id: anyone can recompute it from the published key, so a key id cannot name another key.
/// </summary>
public static class EcJsonWebKey
{
    private const string Curve = "P-256";

    /// <summary>RFC 7638: base64url SHA-256 of {"crv","kty","x","y"} in that order, no white space.</summary>
    public static string Thumbprint(ECDsa key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var p = key.ExportParameters(includePrivateParameters: false);
        var canonical = $"{{\"crv\":\"{Curve}\",\"kty\":\"EC\",\"x\":\"{Base64Url.EncodeToString(p.Q.X)}\",\"y\":\"{Base64Url.EncodeToString(p.Q.Y)}\"}}";
        return Base64Url.EncodeToString(SHA256.HashData(Encoding.ASCII.GetBytes(canonical)));
    }

    /// <summary>The public JWK of <paramref name="key"/> (never the private part).</summary>
    public static JsonObject ToJwk(ECDsa key, string keyId)
    {
        ArgumentNullException.ThrowIfNull(key);
        var p = key.ExportParameters(includePrivateParameters: false);
        return new JsonObject
        {
            ["kty"] = "EC",
            ["crv"] = Curve,
            ["x"] = Base64Url.EncodeToString(p.Q.X),
            ["y"] = Base64Url.EncodeToString(p.Q.Y),
            ["kid"] = keyId,
            ["use"] = "sig",
            ["alg"] = Es256Jws.Algorithm,
        };
    }

    /// <summary>The P-256 public keys of a JWK Set document, by key id; other keys are skipped.</summary>
    public static Dictionary<string, ECDsa> ParseSet(string json)
    {
        var keys = new Dictionary<string, ECDsa>(StringComparer.Ordinal);
        using var doc = JsonDocument.Parse(json);
        if (doc.RootElement.ValueKind != JsonValueKind.Object
            || !doc.RootElement.TryGetProperty("keys", out var list) || list.ValueKind != JsonValueKind.Array)
        {
            throw new FormatException("not a JWK Set (an object with a \"keys\" array)");
        }

        foreach (var jwk in list.EnumerateArray())
        {
            if (TryRead(jwk, out var kid, out var key))
            {
                keys[kid] = key;
            }
        }

        return keys;
    }

    private static bool TryRead(JsonElement jwk, out string kid, out ECDsa key)
    {
        kid = "";
        key = null!;
        if (jwk.ValueKind != JsonValueKind.Object || Text(jwk, "kty") != "EC" || Text(jwk, "crv") != Curve
            || Text(jwk, "kid") is not { Length: > 0 } id || Text(jwk, "x") is not { } x || Text(jwk, "y") is not { } y
            || !Base64Url.IsValid(x) || !Base64Url.IsValid(y))
        {
            return false;
        }

        var point = new ECPoint { X = Base64Url.DecodeFromChars(x), Y = Base64Url.DecodeFromChars(y) };
        if (point.X.Length != 32 || point.Y.Length != 32)
        {
            return false;
        }

        try
        {
            key = ECDsa.Create(new ECParameters { Curve = ECCurve.NamedCurves.nistP256, Q = point });
        }
        catch (CryptographicException)
        {
            return false; // not a point on the curve
        }

        kid = id;
        return true;
    }

    private static string? Text(JsonElement o, string name) =>
        o.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
