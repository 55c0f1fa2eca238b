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
    /// Each tone of a key press may be up to 2 % off nominal (must accept 1.5 %, must reject 3.5 %), measured
    /// from the phase advance, not the bin shape, so the tolerance is the same for all eight frequencies.
    /// It applies to the mean over the hits that start a key press: one block's estimate wanders by about
    /// 0.5 % because the other group's tone leaks into a 51-sample half block.
    /// </summary>
    public const float MaxFrequencyOffset = 0.02f;

    /// <summary>
    /// And both together at most 2.5 % (root of the sum of squares): still accepts both tones 1.5 % off in
    /// opposite directions (2.1 %), but rejects pairs such as -2 %/+1.7 %, which is how the 3rd and 4th
    /// harmonics of a 307 Hz voice imitate '*' (941/1209 Hz). Voiced speech imitates a key with two
    /// harmonics of one pitch, and the keypad's frequency ratios sit a few percent away from simple ratios.
    /// </summary>
    public const float MaxCombinedFrequencyOffset = 0.025f;

    /// <summary>The per-block limits, looser by the estimate's block-to-block wander.</summary>
    public const float MaxBlockFrequencyOffset = 0.025f;

    public const float MaxBlockCombinedFrequencyOffset = 0.03f;

    /// <summary>High group may be up to 5 dB louder (Q.24: +4 dB) and 9 dB quieter (Q.24: -8 dB): 1 dB margin.</summary>
    public const float MaxReverseTwistDb = 5f;

    public const float MaxNormalTwistDb = 9f;

    /// <summary>Every other tone of a group must be 8 dB under the group's best (spandsp, Asterisk).</summary>
    public const float RelativePeakDb = 8f;

    /// <summary>The pair must hold 82 % of the block's energy (spandsp, Asterisk: -0.85 dB).</summary>
    public const float MinPairFraction = 0.82f;

    /// <summary>
    /// A block that passes every strict test but holds only this much of the energy (speech over the tone)
    /// may still count as a hit, if its tones are as loud as in the key's clean hits (see KeyPressTracker):
    /// a block only partly filled with tone is quieter, so this does not shorten the accepted duration.
    /// </summary>
    public const float SoftMinPairFraction = 0.6f;

    /// <summary>How far from the key's loudest clean hit (power ratio, 1.5 dB either way) a soft hit's tones may be.</summary>
    public const float SoftMinRelativePower = 0.7f;

    // Sensitive (tone-likely) limits: a pair that dominates without meeting the strict limits. The detector
    // uses them to bridge a key press through speech; the masker adds the Mask* limits below.
    public const float LikelyMinToneDbm0 = -55f;

    public const float LikelyMaxFrequencyOffset = 0.06f;

    public const float LikelyMaxTwistDb = 15f;

    public const float LikelyMinPairFraction = 0.30f;

    /// <summary>
    /// The masker treats a block as tone evidence when a pair dominates like this (see ToneEvidence):
    /// 60 % of the block's energy, each tone within 2.5 % (more than a digit may be off: fail closed),
    /// twist within 12 dB. Voiced speech that imitates a pair with two harmonics mostly sits 2.5-3 % off
    /// on at least one tone, so 2.5 % rather than 3 % here halves the speech the masker alters.
    /// </summary>
    public const float MaskMinPairFraction = 0.6f;

    public const float MaskMaxFrequencyOffset = 0.025f;

    /// <summary>
    /// Clean evidence (two such blocks are enough to mask): the pair holds 75 % of the energy, each tone within
    /// 3 % and both together within 3 % (root of the sum of squares).
    /// </summary>
    public const float MaskCleanPairFraction = 0.75f;

    public const float MaskCleanMaxFrequencyOffset = 0.03f;

    public const float MaskCleanMaxCombinedFrequencyOffset = 0.03f;

    public const float MaskMaxTwistDb = 12f;
}
