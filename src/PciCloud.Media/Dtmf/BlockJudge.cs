using System.Runtime.Intrinsics;

namespace PciCloud.Media.Dtmf;

/// <summary>
/// Judges one 102-sample block from its two half-block correlations: the strongest row and column, their
/// frequency offsets (from the phase advance between the halves), their levels corrected for that offset,
/// then the strict digit tests and the sensitive tone-likely tests.
/// </summary>
internal static class BlockJudge
{
    private const float N = DtmfAnalyzer.BlockSamples;

    private const float MinGainSquared = PairEstimate.MinGainSquared;

    /// <summary>
    /// The gate asks for two thirds of the likely fraction before any offset correction (a clean pair 2.5 % off
    /// at 1633 Hz still holds 70 % uncorrected); blocks below it are not judged at all, which keeps the costly
    /// pair estimate off most speech blocks.
    /// </summary>
    private const float GateGainSquared = 0.667f;

    private static readonly float StrictMinPower = TonePowerFloor(DtmfThresholds.MinToneDbm0);
    private static readonly float LikelyMinPower = TonePowerFloor(DtmfThresholds.LikelyMinToneDbm0);
    private const float CombinedOffsetSquared = DtmfThresholds.MaxBlockCombinedFrequencyOffset * DtmfThresholds.MaxBlockCombinedFrequencyOffset;

    private static readonly float RelativePeak = DbToRatio(DtmfThresholds.RelativePeakDb);
    private static readonly float MaxReverseTwist = DbToRatio(DtmfThresholds.MaxReverseTwistDb);
    private static readonly float MaxNormalTwist = DbToRatio(DtmfThresholds.MaxNormalTwistDb);
    private static readonly float LikelyMaxTwist = DbToRatio(DtmfThresholds.LikelyMaxTwistDb);

    public static DtmfBlock Judge(
        long start,
        Vector256<float> firstRe,
        Vector256<float> firstIm,
        float firstEnergy,
        Vector256<float> secondRe,
        Vector256<float> secondIm,
        float secondEnergy)
    {
        var energy = firstEnergy + secondEnergy;
        var rotatedRe = (AnalyzerTables.RotateCos * secondRe) + (AnalyzerTables.RotateSin * secondIm);
        var rotatedIm = (AnalyzerTables.RotateCos * secondIm) - (AnalyzerTables.RotateSin * secondRe);
        var re = firstRe + rotatedRe;
        var im = firstIm + rotatedIm;
        var power = (re * re) + (im * im);
        Span<float> powers = stackalloc float[8];
        power.CopyTo(powers);

        // Cheapest rejection first: even with the largest offset correction the pair cannot hold enough
        // of the block's energy, or is too quiet. Most speech and silence blocks stop here.
        var row = BestOf(powers, 0);
        var column = BestOf(powers, 4);
        var pairPower = powers[row] + powers[column];
        var pairEnergyBound = 2 * pairPower / (N * GateGainSquared);
        if (pairEnergyBound < DtmfThresholds.LikelyMinPairFraction * energy
            || powers[row] < LikelyMinPower * MinGainSquared
            || powers[column] < LikelyMinPower * MinGainSquared)
        {
            return new DtmfBlock(start, -1, -1, -1, default, power);
        }

        Span<float> halves = stackalloc float[32];
        PairEstimate.Store(firstRe, firstIm, secondRe, secondIm, halves);
        var pair = new PairEstimate(row, column, halves);
        var rowOffset = pair.RowOffset;
        var columnOffset = pair.ColumnOffset;
        var rowPower = pair.RowPower;
        var columnPower = pair.ColumnPower;
        var fraction = 2 * (rowPower + columnPower) / (N * energy);

        var likely = fraction >= DtmfThresholds.LikelyMinPairFraction
            && rowPower >= LikelyMinPower && columnPower >= LikelyMinPower
            && MathF.Abs(rowOffset) <= DtmfThresholds.LikelyMaxFrequencyOffset
            && MathF.Abs(columnOffset) <= DtmfThresholds.LikelyMaxFrequencyOffset
            && columnPower <= rowPower * LikelyMaxTwist && rowPower <= columnPower * LikelyMaxTwist;

        var soft = likely
            && fraction >= DtmfThresholds.SoftMinPairFraction
            && rowPower >= StrictMinPower && columnPower >= StrictMinPower
            && MathF.Abs(rowOffset) <= DtmfThresholds.MaxBlockFrequencyOffset
            && MathF.Abs(columnOffset) <= DtmfThresholds.MaxBlockFrequencyOffset
            && (rowOffset * rowOffset) + (columnOffset * columnOffset) <= CombinedOffsetSquared
            && columnPower <= rowPower * MaxReverseTwist && rowPower <= columnPower * MaxNormalTwist
            && PairEstimate.StrongestOther(row, column, halves) * RelativePeak < rowPower
            && PairEstimate.StrongestOther(column, row, halves) * RelativePeak < columnPower;

        var hit = soft && fraction >= DtmfThresholds.MinPairFraction;
        var index = (row * 4) + (column - 4);
        var key = hit ? index : -1;
#if DTMF_TRACE
        Console.Error.WriteLine(FormattableString.Invariant(
            $"{start / 8.0,9:F1} ms r{row} c{column - 4} off {rowOffset * 100,6:F2}% {columnOffset * 100,6:F2}% frac {fraction:F3} lvl {10 * MathF.Log10(rowPower / StrictMinPower) - 42,6:F1} {10 * MathF.Log10(columnPower / StrictMinPower) - 42,6:F1} likely {likely} key {key}"));
#endif
        return new DtmfBlock(start, key, soft ? index : -1, likely ? index : -1, new PairMeasure(rowOffset, columnOffset, rowPower, columnPower, fraction), power);
    }

    private static int BestOf(ReadOnlySpan<float> power, int first)
    {
        var best = first;
        for (var k = first + 1; k < first + 4; k++)
        {
            if (power[k] > power[best])
            {
                best = k;
            }
        }

        return best;
    }

    /// <summary>|X|^2 of a full-block tone at <paramref name="dbm0"/>: (A N / 2)^2.</summary>
    private static float TonePowerFloor(float dbm0)
    {
        var amplitude = Dbm0.ToPeak(dbm0);
        return (float)(amplitude * amplitude * N * N / 4);
    }

    private static float DbToRatio(float db) => MathF.Pow(10, db / 10);
}
