using PciCloud.Contracts.Tenants;
using PciCloud.Region.Auth;

namespace PciCloud.Region.AgentAssist;

/// <summary>
/// Opens the page only for a link the region signed, unexpired, for this very session; the
/// tenant's settings say which CRM origins may frame it.
/// </summary>
internal sealed class RegionAgentAssistGate(AgentTokens tokens, IGrainFactory grains) : IAgentAssistGate
{
    public async Task<AgentAssistAccess?> CheckAsync(string sessionId, string token, CancellationToken cancellationToken)
    {
        var caller = await tokens.ValidateAsync(token, cancellationToken);
        if (caller is null || caller.Kind != CallerKind.Agent || caller.SessionId != sessionId)
        {
            return null;
        }
        var settings = await grains.GetGrain<ITenantGrain>(caller.TenantId).GetAsync();
        return settings is null ? null : new AgentAssistAccess(caller.TenantId, settings.FramingOrigins);
    }
}
