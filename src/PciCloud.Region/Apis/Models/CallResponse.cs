namespace PciCloud.Region.Apis.Models;

/// <summary>API.md &lt;call&gt;.</summary>
public sealed record CallResponse(
    string Id, string? ExternalId, string Status, DateTimeOffset StartedAt, DateTimeOffset? EndedAt,
    CallMediaResponse Media, IReadOnlyList<string> PaymentSessionIds);
