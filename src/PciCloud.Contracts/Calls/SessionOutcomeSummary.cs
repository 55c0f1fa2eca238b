namespace PciCloud.Contracts.Calls;

/// <summary>What a finished payment session leaves on its call's report row (display data only).</summary>
[GenerateSerializer, Immutable, Alias("pcicloud.session-outcome-summary.v1")]
public sealed record SessionOutcomeSummary(
    [property: Id(0)] string SessionId,
    [property: Id(1)] string Status,
    [property: Id(2)] string? Outcome,
    [property: Id(3)] long? Amount,
    [property: Id(4)] string? Currency,
    [property: Id(5)] string? Brand,
    [property: Id(6)] string? Last4,
    [property: Id(7)] string? DeclineCode);
