namespace PciCloud.Contracts.Calls;

/// <summary>One row of GET /v1/reports/calls (API.md names, in that order).</summary>
[GenerateSerializer, Immutable, Alias("pcicloud.call-report-row.v1")]
public sealed record CallReportRow(
    [property: Id(0)] string CallId,
    [property: Id(1)] string? ExternalId,
    [property: Id(2)] DateTimeOffset StartedAt,
    [property: Id(3)] DateTimeOffset? EndedAt,
    [property: Id(4)] bool PaymentSessionInitiated,
    [property: Id(5)] int SessionCount,
    [property: Id(6)] string? LastOutcome,
    [property: Id(7)] long? Amount,
    [property: Id(8)] string? Currency,
    [property: Id(9)] string? Brand,
    [property: Id(10)] string? Last4,
    [property: Id(11)] string? DeclineCode,
    [property: Id(12)] int KeyPressesMasked,
    [property: Id(13)] IReadOnlyList<string> Transports,
    [property: Id(14)] int Leaks)
{
    /// <summary>Where the call's signed masking certificate is served.</summary>
    public string MaskingCertificate => $"/v1/calls/{CallId}/masking-certificate";

    /// <summary>Why the call ended: "requested" (the API or the SIP proxy), "idle" (no media for the tenant's
    /// idleTimeoutSeconds), "unused" (no media ever within unusedTimeoutSeconds); null while active.</summary>
    [Id(15)] public string? EndReason { get; init; }
}
