namespace PciCloud.Region.Apis.Models;

public sealed record RecurringBody(string? Interval, int? Count, DateOnly? StartDate);
