using PciCloud.Media.Dtmf;

namespace PciCloud.Media.Masking;

/// <summary>
/// What one block says about a key tone, for the masker: each method returns the keypad index of the pair the
/// block is evidence for, or -1. The limits are in <see cref="DtmfThresholds"/> (Mask*).
/// </summary>
internal static class ToneEvidence
{
    private static readonly float MaxTwist = MathF.Pow(10, DtmfThresholds.MaskMaxTwistDb / 10);
    private const float CleanCombinedSquared =
        DtmfThresholds.MaskCleanMaxCombinedFrequencyOffset * DtmfThresholds.MaskCleanMaxCombinedFrequencyOffset;

    /// <summary>A strict or soft hit, a clean block, or a pair holding 60 % of the energy within 2.5 % of nominal.</summary>
    public static int Ordinary(in DtmfBlock block)
    {
        if (block.Key >= 0 || (block.SoftKey >= 0 && block.Pair.Fraction >= DtmfThresholds.MaskMinPairFraction))
        {
            return block.LikelyKey;
        }

        var pair = block.Pair;
        var likely = Twisted(block) ? -1 : block.LikelyKey;
        var ordinary = likely >= 0
            && pair.Fraction >= DtmfThresholds.MaskMinPairFraction
            && MathF.Abs(pair.RowOffset) <= DtmfThresholds.MaskMaxFrequencyOffset
            && MathF.Abs(pair.ColumnOffset) <= DtmfThresholds.MaskMaxFrequencyOffset;
        return ordinary ? likely : Clean(block);
    }

    /// <summary>A strict hit, or a pair holding 75 % of the energy, each tone within 3 % and both within 3 %.</summary>
    public static int Clean(in DtmfBlock block)
    {
        if (block.Key >= 0)
        {
            return block.Key;
        }

        var pair = block.Pair;
        var clean = block.LikelyKey >= 0
            && !Twisted(block)
            && pair.Fraction >= DtmfThresholds.MaskCleanPairFraction
            && MathF.Abs(pair.RowOffset) <= DtmfThresholds.MaskCleanMaxFrequencyOffset
            && MathF.Abs(pair.ColumnOffset) <= DtmfThresholds.MaskCleanMaxFrequencyOffset
            && (pair.RowOffset * pair.RowOffset) + (pair.ColumnOffset * pair.ColumnOffset) <= CleanCombinedSquared;
        return clean ? block.LikelyKey : -1;
    }

    /// <summary>
    /// Any pair that passed the analyzer's sensitive test (30 % of the energy, within 6 %) with a twist within
    /// 12 dB: what counts as evidence while key presses are being entered.
    /// </summary>
    public static int Sensitive(in DtmfBlock block) => Twisted(block) ? -1 : block.LikelyKey;

    private static bool Twisted(in DtmfBlock block) =>
        block.Pair.RowPower > block.Pair.ColumnPower * MaxTwist || block.Pair.ColumnPower > block.Pair.RowPower * MaxTwist;
}
