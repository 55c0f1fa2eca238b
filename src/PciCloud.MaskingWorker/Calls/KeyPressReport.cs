namespace PciCloud.MaskingWorker.Calls;

/// <summary>
/// One key press on its way to the CallGrain. <see cref="Sequence"/> is per call and starts at 1,
/// so a retried delivery is recognised and a gap tells the session a digit was lost.
/// </summary>
public sealed record KeyPressReport(char Digit, long Sequence, double StartMs, double DurationMs, KeyPressTransport Transport)
{
    /// <summary>Card data never reaches a log: the digit is left out of the text form.</summary>
    public override string ToString() => $"KeyPress #{Sequence} at {StartMs:0.#} ms for {DurationMs:0.#} ms via {Transport}";
}
