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
    [property: Id(4)] IReadOnlyList<MaskedSpan> Spans)
{
    /// <summary>Key presses masked, by the transport that first reported each.</summary>
    [Id(20)] public IReadOnlyDictionary<string, int>? KeyPressesByTransport { get; init; }

    /// <summary>False when the independent output check did not cover all of the output.</summary>
    [Id(21)] public bool Verified { get; init; } = true;

    /// <summary>Running digests of the masked payload bytes sent on each leg.</summary>
    [Id(22)] public IReadOnlyList<MediaLegDigest>? Legs { get; init; }

    [Id(23)] public MaskingComponent? Masker { get; init; }

    [Id(24)] public MaskingComponent? Checker { get; init; }

    /// <summary>The worker's last report for the call: its stream has ended.</summary>
    [Id(25)] public bool Final { get; init; }

    /// <summary>Key presses the worker detected (and masked) but could not deliver to the region.</summary>
    [Id(26)] public int DigitsLost { get; init; }

    /// <summary>The most recent of those (bounded), so the call can tell its session even when no key press follows.</summary>
    [Id(27)] public IReadOnlyList<long>? LostSequences { get; init; }
}
