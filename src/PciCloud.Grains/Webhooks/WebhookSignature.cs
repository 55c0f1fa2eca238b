using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace PciCloud.Grains.Webhooks;

/// <summary>
/// The <c>PciCloud-Signature</c> header: <c>t=&lt;unix seconds&gt;,v1=&lt;hex HMAC-SHA256 of "t.body"&gt;</c>
/// keyed with the endpoint's signing secret (Stripe's scheme, so receivers can reuse their code).
/// </summary>
public static class WebhookSignature
{
    public const string HeaderName = "PciCloud-Signature";

    public static string Header(string secret, long unixSeconds, string body) =>
        $"t={unixSeconds.ToString(CultureInfo.InvariantCulture)},v1={Compute(secret, unixSeconds, body)}";

    public static string Compute(string secret, long unixSeconds, string body)
    {
        var signed = Encoding.UTF8.GetBytes($"{unixSeconds.ToString(CultureInfo.InvariantCulture)}.{body}");
        return Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed));
    }

    /// <summary>What a receiver does: parse the header and compare the v1 signature in constant time.</summary>
    public static bool Verify(string secret, string header, string body)
    {
        long? t = null;
        string? v1 = null;
        foreach (var part in header.Split(','))
        {
            var kv = part.Split('=', 2);
            if (kv.Length == 2 && kv[0] == "t" && long.TryParse(kv[1], NumberStyles.None, CultureInfo.InvariantCulture, out var ts))
            {
                t = ts;
            }
            else if (kv.Length == 2 && kv[0] == "v1")
            {
                v1 = kv[1];
            }
        }

        return t is { } time && v1 is not null && CryptographicOperations.FixedTimeEquals(
            Encoding.ASCII.GetBytes(Compute(secret, time, body)), Encoding.ASCII.GetBytes(v1));
    }
}
