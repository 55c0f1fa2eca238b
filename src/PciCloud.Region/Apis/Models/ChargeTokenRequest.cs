namespace PciCloud.Region.Apis.Models;

/// <summary>POST /v1/tokens/{id}/charges: an off-session charge of the stored card.</summary>
public sealed record ChargeTokenRequest(long? Amount, string? Currency, string? Description, string? Reference);
