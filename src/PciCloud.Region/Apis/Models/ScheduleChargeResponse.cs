namespace PciCloud.Region.Apis.Models;

/// <summary>One period of a schedule: when it was due, its payment and status (charging, succeeded, failed).</summary>
public sealed record ScheduleChargeResponse(int Period, DateTimeOffset DueAt, string PaymentId, string Status);
