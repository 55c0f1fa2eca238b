namespace PciCloud.Media.Evidence;

/// <summary>
/// Thresholds of <see cref="OutputLeakDetector"/>. The defaults are the masked-file criteria of
/// the dtmf_leak reference check (a frame is DTMF-like when a low and a high tone dominate).
/// </summary>
public sealed record OutputLeakDetectorOptions
{
    /// <summary>Frames quieter than this (total power, dBm0) are ignored.</summary>
    public double FloorDbm0 { get; init; } = -70;

    /// <summary>The pair's share of the frame's power, in dB (-6 dB = 25 %).</summary>
    public double PairRatioDb { get; init; } = -6;

    /// <summary>How far each tone must beat the other three of its group, in dB.</summary>
    public double DominanceDb { get; init; } = 6;

    /// <summary>The largest level difference between the two tones, in dB.</summary>
    public double TwistDb { get; init; } = 10;

    /// <summary>Consecutive DTMF-like frames of the same key that make one leak.</summary>
    public int MinConsecutiveFrames { get; init; } = 2;

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(MinConsecutiveFrames, 1, nameof(MinConsecutiveFrames));
        ArgumentOutOfRangeException.ThrowIfNegative(DominanceDb, nameof(DominanceDb));
        ArgumentOutOfRangeException.ThrowIfNegative(TwistDb, nameof(TwistDb));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(PairRatioDb, 0, nameof(PairRatioDb));
    }
}
