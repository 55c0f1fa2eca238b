using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using PciCloud.Contracts.Sessions;
using PciCloud.Contracts.Tenants;
using PciCloud.Region.Hosting;

namespace PciCloud.Region.Auth;

/// <summary>Turns a bearer credential into a <see cref="Caller"/>, or null (401).</summary>
public sealed class CallerAuthenticator(IGrainFactory grains, AgentTokens agentTokens, IOptions<RegionOptions> options, TimeProvider time)
{
    public async Task<Caller?> AuthenticateAsync(string credential, CallerKind allowed, CancellationToken ct)
    {
        if (credential.Length is 0 or > 2048)
        {
            return null;
        }

        if (allowed.HasFlag(CallerKind.Tenant) && credential.StartsWith("sk_", StringComparison.Ordinal))
        {
            if (!SecretKeys.TryParseTenant(credential, out var tenantId))
            {
                return null;
            }

            var keyId = await grains.GetGrain<ITenantGrain>(tenantId).AuthenticateAsync(SecretKeys.Hash(credential));
            return keyId is null ? null : new Caller(CallerKind.Tenant, tenantId, KeyId: keyId);
        }

        if (allowed.HasFlag(CallerKind.Admin) && options.Value.PlatformAdminKey is { Length: > 0 } adminKey
            && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(credential), Encoding.UTF8.GetBytes(adminKey)))
        {
            return Caller.Admin;
        }

        if (allowed.HasFlag(CallerKind.Agent) && credential.Count(c => c == '.') == 2)
        {
            var agent = await agentTokens.ValidateAsync(credential, ct);
            if (agent is not null && await grains.GetGrain<ITenantGrain>(agent.TenantId).GetAsync() is not null
                && await SessionStillOpenAsync(agent))
            {
                return agent;
            }
        }

        return null;
    }

    /// <summary>
    /// An agent token ends with its session: once the session is final it works only for a grace period (to read the
    /// outcome, or refund when allowed), whatever its own expiry says.
    /// </summary>
    private async Task<bool> SessionStillOpenAsync(Caller agent)
    {
        var view = await grains.GetGrain<IPaymentSessionGrain>(agent.SessionId!).GetAsync();
        if (view is null || view.TenantId != agent.TenantId)
        {
            return view is null; // an unknown session answers 404 further on, as for any caller
        }

        return view.FinishedAt is not { } finished
            || time.GetUtcNow() - finished < TimeSpan.FromMinutes(Math.Max(0, options.Value.AgentTokenGraceMinutes));
    }
}
