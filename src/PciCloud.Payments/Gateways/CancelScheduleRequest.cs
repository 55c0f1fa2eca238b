namespace PciCloud.Payments.Gateways;

public sealed record CancelScheduleRequest(string IdempotencyKey, string ScheduleReference);
