namespace PciCloud.Contracts.Schedules;

/// <summary>What a recurring session asked for: charge token <see cref="TokenId"/> this amount each interval.</summary>
[GenerateSerializer, Immutable, Alias("pcicloud.schedule-registration.v1")]
public sealed record ScheduleRegistration(
    [property: Id(0)] string TenantId,
    [property: Id(1)] string TokenId,
    [property: Id(2)] long Amount,
    [property: Id(3)] string Currency,
    [property: Id(4)] string Interval,
    [property: Id(5)] int? Count,
    [property: Id(6)] DateOnly? StartDate)
{
    [Id(7)] public string? SessionId { get; init; }

    [Id(8)] public string? Description { get; init; }

    [Id(9)] public string? Reference { get; init; }
}
