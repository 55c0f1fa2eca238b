namespace PciCloud.Region.Apis.Models;

public sealed record PatchSessionRequest(long? Amount, string? Currency, string? Description, string? Reference, string? PostalCode);
