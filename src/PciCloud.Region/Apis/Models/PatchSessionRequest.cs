namespace PciCloud.Region.Apis.Models;

public sealed record PatchSessionRequest(long? Amount, string? Currency, string? Description, string? Reference, string? PostalCode)
{
    /// <summary>US bank sessions: checking or savings.</summary>
    public string? AccountType { get; init; }
}
