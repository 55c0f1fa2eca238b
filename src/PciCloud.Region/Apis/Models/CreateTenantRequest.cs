namespace PciCloud.Region.Apis.Models;

public sealed record CreateTenantRequest(
    string? Id,
    string? Name,
    string? Region,
    GatewayRequest? Gateway,
    IReadOnlyList<string>? MediaDestinations,
    IReadOnlyList<string>? AcceptedBrands,
    IReadOnlyList<string>? Currencies,
    IReadOnlyList<string>? DefaultFields,
    IReadOnlyList<string>? FramingOrigins,
    TenantMediaPolicyBody? MediaPolicy = null);
