namespace PciCloud.Contracts.Sessions;

[GenerateSerializer, Immutable, Alias("pcicloud.recurring-plan.v1")]
public sealed record RecurringPlan(
    [property: Id(0)] string Interval,
    [property: Id(1)] int? Count,
    [property: Id(2)] DateOnly? StartDate);
