namespace PciCloud.Contracts.Calls;

/// <summary>
/// The masking evidence a worker reports for a call (cumulative: each report replaces the last).
/// Transports: "inband", "rfc4733", "websocket-dtmf". <see cref="DigitsLost"/>: key presses the worker
/// detected but could not deliver to the region; <see cref="LostSequences"/>: the most recent of them
/// (bounded), so the call can tell its session even when no key press follows the lost one.
/// </summary>
[GenerateSerializer, Immutable, Alias("pcicloud.masking-summary.v1")]
public sealed record MaskingSummary(
    [property: Id(0)] int KeyPressesMasked,
    [property: Id(1)] IReadOnlyList<string> Transports,
    [property: Id(2)] int Leaks,
    [property: Id(3)] double WorstOnsetMs,
    [property: Id(4)] IReadOnlyList<MaskedSpan> Spans,
    [property: Id(5)] int DigitsLost = 0,
    [property: Id(6)] IReadOnlyList<long>? LostSequences = null);
