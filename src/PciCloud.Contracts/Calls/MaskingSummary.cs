namespace PciCloud.Contracts.Calls;

/// <summary>
/// The masking evidence a worker reports for a call (cumulative: each report replaces the last).
/// Transports: "inband", "rfc4733", "websocket-dtmf".
/// </summary>
[GenerateSerializer, Immutable, Alias("pcicloud.masking-summary.v1")]
public sealed record MaskingSummary(
    [property: Id(0)] int KeyPressesMasked,
    [property: Id(1)] IReadOnlyList<string> Transports,
    [property: Id(2)] int Leaks,
    [property: Id(3)] double WorstOnsetMs,
    [property: Id(4)] IReadOnlyList<MaskedSpan> Spans);
