namespace PciCloud.MaskingWorker.Calls;

/// <summary>
/// The masking evidence of one call, reported to its CallGrain (the API's masking report), with the
/// key presses that could not be delivered (<see cref="LostSequences"/>: the most recent ones), so the
/// call's session hears of a lost key press even when no later one reveals the gap.
/// </summary>
public sealed record MaskingSummary(
    int KeyPressesMasked,
    IReadOnlyList<string> Transports,
    int Leaks,
    double WorstOnsetMs,
    IReadOnlyList<MaskedSpanMs> Spans,
    int DigitsLost,
    IReadOnlyList<long> LostSequences);
