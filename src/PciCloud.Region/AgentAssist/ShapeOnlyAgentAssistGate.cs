namespace PciCloud.Region.AgentAssist;

/// <summary>
/// Fallback when the host registers no gate: accepts a token of the agent-token shape
/// (<c>tenant.payload.signature</c>) and lets the API, which verifies every call, reject it.
/// </summary>
internal sealed class ShapeOnlyAgentAssistGate : IAgentAssistGate
{
    public static readonly ShapeOnlyAgentAssistGate Instance = new();

    public Task<AgentAssistAccess?> CheckAsync(string sessionId, string token, CancellationToken cancellationToken)
    {
        var parts = token.Split('.');
        var access = parts.Length == 3 && parts.All(p => p.Length > 0)
            ? new AgentAssistAccess(parts[0], [])
            : null;
        return Task.FromResult(access);
    }
}
