namespace PciCloud.Contracts.Schedules;

/// <summary>A schedule as the API shows it. Status: active, completed (count reached), cancelled.</summary>
[GenerateSerializer, Immutable, Alias("pcicloud.schedule-view.v1")]
public sealed record ScheduleView(
    [property: Id(0)] string Id,
    [property: Id(1)] string TenantId,
    [property: Id(2)] string Status,
    [property: Id(3)] ScheduleRegistration Plan,
    [property: Id(4)] DateTimeOffset CreatedAt,
    [property: Id(5)] DateTimeOffset? NextChargeAt,
    [property: Id(6)] DateTimeOffset? CancelledAt,
    [property: Id(7)] IReadOnlyList<ScheduleCharge> Charges)
{
    public const string Active = "active";
    public const string Completed = "completed";
    public const string Cancelled = "cancelled";
}
