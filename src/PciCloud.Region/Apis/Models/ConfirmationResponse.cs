namespace PciCloud.Region.Apis.Models;

/// <summary>A bank session's "confirmation": which one the region needs, and when the agent gave it.</summary>
public sealed record ConfirmationResponse(string Required, DateTimeOffset? ConfirmedAt);
