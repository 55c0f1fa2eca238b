namespace PciCloud.Contracts.Calls;

/// <summary>
/// One key press, as a masking worker detected it. <see cref="Sequence"/> is per call and makes the
/// report idempotent: a retried delivery with the same sequence is counted once. The digit is card
/// data in motion: never log it, never persist it.
/// </summary>
[GenerateSerializer, Immutable, Alias("pcicloud.key-press-report.v1")]
public sealed record KeyPressReport(
    [property: Id(0)] char Digit,
    [property: Id(1)] long Sequence,
    [property: Id(2)] double StartMs,
    [property: Id(3)] double DurationMs,
    [property: Id(4)] string Transport)
{
    // The digit stays out of ToString(): a record's generated ToString would print it.
    public override string ToString() => $"KeyPressReport {{ Sequence = {Sequence}, Transport = {Transport} }}";
}
