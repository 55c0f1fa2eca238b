using PciCloud.Contracts.Tenants;

namespace PciCloud.Region.Apis.Models;

public sealed record TenantResponse(
    string Id, string Name, string Region, GatewayRequest Gateway, IReadOnlyList<string> MediaDestinations,
    IReadOnlyList<string> AcceptedBrands, IReadOnlyList<string> Currencies, IReadOnlyList<string> DefaultFields,
    IReadOnlyList<string> FramingOrigins, DateTimeOffset CreatedAt, TenantMediaPolicyBody MediaPolicy)
{
    /// <summary>Named gateway configurations a session may pick with "gateway": name -> { kind }.</summary>
    public IReadOnlyDictionary<string, GatewayRequest>? Gateways { get; init; }

    public static TenantResponse From(TenantSettings s) => new(s.Id, s.Name, s.Region, new GatewayRequest(s.GatewayKind),
        s.MediaDestinations, s.AcceptedBrands, s.Currencies, s.DefaultFields, s.FramingOrigins, s.CreatedAt, Policy(s.EffectiveMediaPolicy()))
    {
        Gateways = s.Gateways?.ToDictionary(g => g.Key, g => new GatewayRequest(g.Value)),
    };

    private static TenantMediaPolicyBody Policy(TenantMediaPolicy p) =>
        new(p.RequireExpectFrom, p.MaxConcurrentCalls, p.IdleTimeoutSeconds, p.UnusedTimeoutSeconds);
}
