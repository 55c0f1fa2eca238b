namespace PciCloud.Contracts.Sessions;

/// <summary>Non-card fields the agent types (PATCH). PostalCode is not card data (UK postcodes are typed).</summary>
[GenerateSerializer, Immutable, Alias("pcicloud.session-patch.v1")]
public sealed record SessionPatch(
    [property: Id(0)] long? Amount,
    [property: Id(1)] string? Currency,
    [property: Id(2)] string? Description,
    [property: Id(3)] string? Reference,
    [property: Id(4)] string? PostalCode)
{
    /// <summary>US bank sessions: checking or savings, chosen by the agent (not bank data).</summary>
    [Id(5)] public string? AccountType { get; init; }
}
