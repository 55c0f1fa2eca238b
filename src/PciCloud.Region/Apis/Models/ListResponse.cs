namespace PciCloud.Region.Apis.Models;

/// <summary>Stripe-style list envelope.</summary>
public sealed record ListResponse<T>(IReadOnlyList<T> Data, string? NextCursor = null);
