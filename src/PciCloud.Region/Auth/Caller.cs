namespace PciCloud.Region.Auth;

/// <summary>Who is calling: a tenant's key, an agent's session-scoped token, or platform admin.</summary>
public sealed record Caller(CallerKind Kind, string TenantId, string? KeyId = null, string? SessionId = null,
    string? AgentId = null, bool AgentCanRefund = false)
{
    public static readonly Caller Admin = new(CallerKind.Admin, "");

    /// <summary>The audit trail's "actor".</summary>
    public string Actor => Kind switch
    {
        CallerKind.Tenant => $"key:{KeyId}",
        CallerKind.Agent => $"agent:{AgentId ?? SessionId}",
        _ => "admin",
    };

    /// <summary>True when this caller may act on session <paramref name="sessionId"/> (tenant ownership is checked elsewhere).</summary>
    public bool MayActOnSession(string sessionId) => Kind != CallerKind.Agent || SessionId == sessionId;
}
