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
    int DigitsLost)
{
    /// <summary>Key presses masked, by the transport that first reported each ("inband", "rfc4733", "websocket-dtmf").</summary>
    public IReadOnlyDictionary<string, int> KeyPressesByTransport { get; init; } = new Dictionary<string, int>();

    /// <summary>False when the independent output check did not see all of the output (it failed on some of it).</summary>
    public bool Verified { get; init; } = true;

    /// <summary>Running digests of the payload bytes sent on each leg.</summary>
    public IReadOnlyList<SentLegDigest> Legs { get; init; } = [];

    public ComponentDescription? Masker { get; init; }

    public ComponentDescription? Checker { get; init; }

    /// <summary>True on the report sent when the stream ended: nothing more will be sent for this call.</summary>
    public bool Final { get; init; }

    /// <summary>The most recent key presses that could not be delivered (bounded), so the call's session hears of one even when no later key press reveals the gap.</summary>
    public IReadOnlyList<long> LostSequences { get; init; } = [];
}
