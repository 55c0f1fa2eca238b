namespace PciCloud.MaskingWorker.Calls;

/// <summary>The masking evidence of one call, reported to its CallGrain (the API's masking report).</summary>
public sealed record MaskingSummary(
    int KeyPressesMasked,
    IReadOnlyList<string> Transports,
    int Leaks,
    double WorstOnsetMs,
    IReadOnlyList<MaskedSpanMs> Spans,
    int DigitsLost);
