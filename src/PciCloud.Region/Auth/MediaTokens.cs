using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using PciCloud.Grains.Secrets;

namespace PciCloud.Region.Auth;

/// <summary>
/// A call's media token (the ?token= of its websocketUrl): HMAC of the call id with the region's
/// media token key, so GET can show the same URL again while the CallGrain keeps only its SHA-256.
/// </summary>
public sealed class MediaTokens(SigningKeys keys)
{
    public async Task<string> ForCallAsync(string callId, CancellationToken ct)
    {
        var key = await keys.GetAsync(SecretNames.MediaTokenKey, ct);
        return Base64Url.EncodeToString(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(callId)));
    }

    public static string Sha256(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
