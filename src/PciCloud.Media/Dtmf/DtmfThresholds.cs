namespace PciCloud.Media.Dtmf;

/// <summary>
/// The decision limits of <see cref="DtmfAnalyzer"/>. Strict limits decide digits (ITU-T Q.24, AT&amp;T column,
/// with margin where the standard allows it); sensitive limits decide what the masker treats as tone.
/// </summary>
internal static class DtmfThresholds
{
    // Strict (digit) limits.
    /// <summary>-42 dBm0 per tone, as spandsp and Asterisk (Q.24 asks for 0 to -25 dBm0, must not below -55).</summary>
    public const float MinToneDbm0 = -42f;

    /// <summary>
    /// Accept up to 2.5 % off nominal: halfway between the must-accept 1.5 % and the must-reject 3.5 %,
    /// measured from the phase advance, not the bin shape, so it is the same for all eight frequencies.
    /// </summary>
    public const float MaxFrequencyOffset = 0.025f;

    /// <summary>High group may be up to 5 dB louder (Q.24: +4 dB) and 9 dB quieter (Q.24: -8 dB): 1 dB margin.</summary>
    public const float MaxReverseTwistDb = 5f;

    public const float MaxNormalTwistDb = 9f;

    /// <summary>Every other tone of a group must be 8 dB under the group's best (spandsp, Asterisk).</summary>
    public const float RelativePeakDb = 8f;

    /// <summary>The pair must hold 82 % of the block's energy (spandsp, Asterisk: -0.85 dB).</summary>
    public const float MinPairFraction = 0.82f;

    // Sensitive (tone-likely) limits for masking: fail closed.
    public const float LikelyMinToneDbm0 = -55f;

    public const float LikelyMaxFrequencyOffset = 0.06f;

    public const float LikelyMaxTwistDb = 15f;

    public const float LikelyMinPairFraction = 0.30f;
}
