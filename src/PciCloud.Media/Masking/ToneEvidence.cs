using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
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
    /// What counts as evidence while key presses are being entered: any pair that passed the analyzer's sensitive
    /// test (30 % of the energy, within 6 %) with a twist within 12 dB; or, whatever its measured offsets (phase
    /// jumps in chopped, repeated audio spoil them), the strongest row and column when they hold 60 % of the energy.
    /// </summary>
    public static int Sensitive(in DtmfBlock block)
    {
        if (Twisted(block) || block.Pair.Fraction < DtmfThresholds.LikelyMinPairFraction)
        {
            return -1;
        }

        if (block.LikelyKey >= 0)
        {
            return block.LikelyKey;
        }

        return block.Pair.Fraction >= DtmfThresholds.MaskMinPairFraction ? StrongestPair(block) : -1;
    }

    private static int StrongestPair(in DtmfBlock block)
    {
        var row = 0;
        var column = 4;
        for (var k = 1; k < 4; k++)
        {
            row = block.Powers.GetElement(k) > block.Powers.GetElement(row) ? k : row;
            column = block.Powers.GetElement(4 + k) > block.Powers.GetElement(column) ? 4 + k : column;
        }

        return (row * 4) + (column - 4);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool Twisted(in DtmfBlock block) =>
        block.Pair.RowPower > block.Pair.ColumnPower * MaxTwist || block.Pair.ColumnPower > block.Pair.RowPower * MaxTwist;
}
