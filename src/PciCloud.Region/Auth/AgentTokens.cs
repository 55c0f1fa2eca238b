using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using PciCloud.Grains.Secrets;
using PciCloud.Region.Hosting;

namespace PciCloud.Region.Auth;

/// <summary>
/// Agent tokens "&lt;tenantId&gt;.&lt;payload&gt;.&lt;signature&gt;": payload = base64url JSON
/// {s: session id, e: expiry (unix s), r: may refund, a: agent id}; signature = base64url
/// HMAC-SHA256 over "tenantId.payload" with the region's agent link key.
/// </summary>
public sealed class AgentTokens(SigningKeys keys, TimeProvider time, IOptions<RegionOptions> options)
{
    public async Task<string> IssueAsync(string tenantId, string sessionId, string? agentId, bool canRefund, CancellationToken ct)
    {
        var expires = time.GetUtcNow().AddMinutes(options.Value.AgentTokenMinutes).ToUnixTimeSeconds();
        var payload = Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(new TokenPayload(sessionId, expires, canRefund, agentId)));
        var signed = $"{tenantId}.{payload}";
        return $"{signed}.{await SignAsync(signed, ct)}";
    }

    public async Task<Caller?> ValidateAsync(string token, CancellationToken ct)
    {
        var parts = token.Split('.');
        if (parts.Length != 3 || !SecretKeys.IsValidTenantId(parts[0]) || parts[1].Length > 1024)
        {
            return null;
        }

        var expected = Encoding.ASCII.GetBytes(await SignAsync($"{parts[0]}.{parts[1]}", ct));
        if (!CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(parts[2])))
        {
            return null;
        }

        TokenPayload? payload;
        try
        {
            payload = JsonSerializer.Deserialize<TokenPayload>(Base64Url.DecodeFromChars(parts[1]));
        }
        catch (Exception e) when (e is JsonException or FormatException)
        {
            return null;
        }

        if (payload is null || string.IsNullOrEmpty(payload.S) || payload.E <= time.GetUtcNow().ToUnixTimeSeconds())
        {
            return null;
        }

        return new Caller(CallerKind.Agent, parts[0], SessionId: payload.S, AgentId: payload.A, AgentCanRefund: payload.R);
    }

    private async Task<string> SignAsync(string signed, CancellationToken ct)
    {
        var key = await keys.GetAsync(SecretNames.AgentLinkKey, ct);
        return Base64Url.EncodeToString(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(signed)));
    }

    private sealed record TokenPayload(string S, long E, bool R, string? A);
}
