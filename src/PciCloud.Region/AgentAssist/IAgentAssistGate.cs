namespace PciCloud.Region.AgentAssist;

/// <summary>
/// Decides whether an Agent Assist link (session id + token) may open the page, and from which
/// origins the page may be framed. Null means expired, tampered or not for this session.
/// </summary>
public interface IAgentAssistGate
{
    Task<AgentAssistAccess?> CheckAsync(string sessionId, string token, CancellationToken cancellationToken);
}

/// <summary>What an accepted link grants the page: the tenant and its CRM framing origins.</summary>
public sealed record AgentAssistAccess(string TenantId, IReadOnlyList<string> FramingOrigins);
