namespace PciCloud.Region.Apis.Models;

/// <summary>PATCH /admin/v1/tenants/{id}: every member optional; a given list replaces the old one. Id and region never change.</summary>
public sealed record PatchTenantRequest(
    string? Name,
    GatewayRequest? Gateway,
    IReadOnlyDictionary<string, GatewayRequest>? Gateways,
    IReadOnlyList<string>? MediaDestinations,
    IReadOnlyList<string>? AcceptedBrands,
    IReadOnlyList<string>? Currencies,
    IReadOnlyList<string>? DefaultFields,
    IReadOnlyList<string>? FramingOrigins);
