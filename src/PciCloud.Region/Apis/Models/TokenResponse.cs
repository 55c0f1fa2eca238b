using PciCloud.Contracts.Tokens;

namespace PciCloud.Region.Apis.Models;

/// <summary>API.md &lt;token&gt;: a stored card as brand and last four; the gateway's reference stays inside.</summary>
public sealed record TokenResponse(
    string Id, string Object, string Type, string? Brand, string? Last4, string? SessionId, DateTimeOffset CreatedAt, DateTimeOffset? UsedAt)
{
    public static TokenResponse From(TokenView t) => new(t.Id, "token", t.TokenType, t.Brand, t.Last4, t.SessionId, t.CreatedAt, t.UsedAt);
}
