namespace PciCloud.Contracts.Tenants;

/// <summary>A tenant's settings, as the region keeps them (no secrets: API keys are hashes elsewhere).</summary>
[GenerateSerializer, Immutable, Alias("pcicloud.tenant-settings.v1")]
public sealed record TenantSettings(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] string Region,
    [property: Id(3)] string GatewayKind,
    [property: Id(4)] IReadOnlyList<string> AcceptedBrands,
    [property: Id(5)] IReadOnlyList<string> Currencies,
    [property: Id(6)] IReadOnlyList<string> DefaultFields,
    [property: Id(7)] IReadOnlyList<string> FramingOrigins,
    [property: Id(8)] IReadOnlyList<string> MediaDestinations,
    [property: Id(9)] DateTimeOffset CreatedAt)
{
    /// <summary>Named gateway configurations (name -> kind) a session may pick by name; the default is <see cref="GatewayKind"/>.</summary>
    [Id(10)] public IReadOnlyDictionary<string, string>? Gateways { get; init; }

    /// <summary>Null for a tenant stored before media policies existed (<see cref="TenantMediaPolicy.Legacy"/> applies).</summary>
    [Id(20)] public TenantMediaPolicy? Media { get; init; }

    public TenantMediaPolicy EffectiveMediaPolicy() => Media ?? TenantMediaPolicy.Legacy;
}
