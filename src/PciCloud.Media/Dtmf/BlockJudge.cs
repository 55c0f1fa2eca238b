using System.Numerics;
using System.Runtime.CompilerServices;
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

    // Kept out of line: inlined into the analyzer's accumulation it slowed the correlation loop there (1-stream
    // bench about 30 000 instead of 40 000 streams per core).
    [MethodImpl(MethodImplOptions.NoInlining)]
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

        // Cheapest rejection first: even with the largest offset correction the pair cannot hold enough
        // of the block's energy, or is too quiet. Most speech and silence blocks stop here.
        var (row, rowPeak) = Strongest(power.GetLower());
        var (column, columnPeak) = Strongest(power.GetUpper());
        column += 4;
        var pairEnergyBound = 2 * (rowPeak + columnPeak) / (N * GateGainSquared);
        if (pairEnergyBound < DtmfThresholds.LikelyMinPairFraction * energy
            || rowPeak < LikelyMinPower * MinGainSquared
            || columnPeak < LikelyMinPower * MinGainSquared)
        {
            return new DtmfBlock(start, -1, -1, -1, default, power);
        }

        return JudgePair(start, row, column, energy, power, firstRe, firstIm, secondRe, secondIm);
    }

    /// <summary>The full judgement of a block whose strongest row and column passed the gate.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static DtmfBlock JudgePair(
        long start,
        int row,
        int column,
        float energy,
        Vector256<float> power,
        Vector256<float> firstRe,
        Vector256<float> firstIm,
        Vector256<float> secondRe,
        Vector256<float> secondIm)
    {
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

    /// <summary>
    /// The lane holding the largest of four powers (the first such lane on a tie), and that power: two
    /// pairwise maxima give it in every lane, and the equal lanes' bit mask gives the index, without branches
    /// (which speech, with its ever-changing strongest tone, would mispredict).
    /// </summary>
    private static (int Lane, float Peak) Strongest(Vector128<float> powers)
    {
        var pairs = Vector128.Max(powers, Vector128.Shuffle(powers, Vector128.Create(1, 0, 3, 2)));
        var peak = Vector128.Max(pairs, Vector128.Shuffle(pairs, Vector128.Create(2, 3, 0, 1)));
        var lane = BitOperations.TrailingZeroCount(Vector128.Equals(powers, peak).ExtractMostSignificantBits());
        return (lane, peak.ToScalar());
    }

    /// <summary>|X|^2 of a full-block tone at <paramref name="dbm0"/>: (A N / 2)^2.</summary>
    private static float TonePowerFloor(float dbm0)
    {
        var amplitude = Dbm0.ToPeak(dbm0);
        return (float)(amplitude * amplitude * N * N / 4);
    }

    private static float DbToRatio(float db) => MathF.Pow(10, db / 10);
}
