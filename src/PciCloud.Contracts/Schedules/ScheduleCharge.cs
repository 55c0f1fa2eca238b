namespace PciCloud.Contracts.Schedules;

/// <summary>One period of a schedule: its payment, and its status (charging, succeeded, failed).</summary>
[GenerateSerializer, Immutable, Alias("pcicloud.schedule-charge.v1")]
public sealed record ScheduleCharge(
    [property: Id(0)] int Period,
    [property: Id(1)] DateTimeOffset DueAt,
    [property: Id(2)] string PaymentId,
    [property: Id(3)] string Status)
{
    public const string Charging = "charging";
    public const string Succeeded = "succeeded";
    public const string Failed = "failed";
}
