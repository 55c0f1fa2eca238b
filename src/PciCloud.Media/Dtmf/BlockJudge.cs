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

    /// <summary>Largest level correction for an off-centre tone (6 dB); beyond it the tone is far off anyway.</summary>
    private const float MinGainSquared = 0.25f;

    private static readonly float StrictMinPower = TonePowerFloor(DtmfThresholds.MinToneDbm0);
    private static readonly float LikelyMinPower = TonePowerFloor(DtmfThresholds.LikelyMinToneDbm0);
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

        // Cheapest rejection first: even with the largest offset correction the pair cannot hold enough
        // of the block's energy, or is too quiet. Most speech and silence blocks stop here.
        var row = BestOf(power, 0);
        var column = BestOf(power, 4);
        var pairPower = power.GetElement(row) + power.GetElement(column);
        var pairEnergyBound = 2 * pairPower / (N * MinGainSquared);
        if (pairEnergyBound < DtmfThresholds.LikelyMinPairFraction * energy
            || power.GetElement(row) < LikelyMinPower * MinGainSquared
            || power.GetElement(column) < LikelyMinPower * MinGainSquared)
        {
            return new DtmfBlock(start, -1, false);
        }

        var rowOffset = FrequencyOffset(row, firstRe, firstIm, rotatedRe, rotatedIm);
        var columnOffset = FrequencyOffset(column, firstRe, firstIm, rotatedRe, rotatedIm);
        var rowPower = power.GetElement(row) / GainSquared(row, rowOffset);
        var columnPower = power.GetElement(column) / GainSquared(column, columnOffset);
        var fraction = 2 * (rowPower + columnPower) / (N * energy);

        var likely = fraction >= DtmfThresholds.LikelyMinPairFraction
            && rowPower >= LikelyMinPower && columnPower >= LikelyMinPower
            && MathF.Abs(rowOffset) <= DtmfThresholds.LikelyMaxFrequencyOffset
            && MathF.Abs(columnOffset) <= DtmfThresholds.LikelyMaxFrequencyOffset
            && columnPower <= rowPower * LikelyMaxTwist && rowPower <= columnPower * LikelyMaxTwist;

        var hit = likely
            && fraction >= DtmfThresholds.MinPairFraction
            && rowPower >= StrictMinPower && columnPower >= StrictMinPower
            && MathF.Abs(rowOffset) <= DtmfThresholds.MaxFrequencyOffset
            && MathF.Abs(columnOffset) <= DtmfThresholds.MaxFrequencyOffset
            && columnPower <= rowPower * MaxReverseTwist && rowPower <= columnPower * MaxNormalTwist
            && OthersBelow(power, 0, row, rowPower) && OthersBelow(power, 4, column, columnPower);

        var key = hit ? (row * 4) + (column - 4) : -1;
        return new DtmfBlock(start, key, likely);
    }

    private static int BestOf(Vector256<float> power, int first)
    {
        var best = first;
        for (var k = first + 1; k < first + 4; k++)
        {
            if (power.GetElement(k) > power.GetElement(best))
            {
                best = k;
            }
        }

        return best;
    }

    private static bool OthersBelow(Vector256<float> power, int first, int best, float bestPower)
    {
        for (var k = first; k < first + 4; k++)
        {
            if (k != best && power.GetElement(k) * RelativePeak >= bestPower)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Relative frequency offset of the tone near bin <paramref name="k"/>: the second half's phase, rotated
    /// back by the nominal advance w x 51, leads the first half's by (offset in rad/sample) x 51.
    /// </summary>
    private static float FrequencyOffset(
        int k, Vector256<float> firstRe, Vector256<float> firstIm, Vector256<float> rotatedRe, Vector256<float> rotatedIm)
    {
        var aRe = firstRe.GetElement(k);
        var aIm = firstIm.GetElement(k);
        var bRe = rotatedRe.GetElement(k);
        var bIm = rotatedIm.GetElement(k);
        var zRe = (bRe * aRe) + (bIm * aIm);
        var zIm = (bIm * aRe) - (bRe * aIm);
        var delta = MathF.Atan2(zIm, zRe) / DtmfAnalyzer.HalfSamples;
        return delta / AnalyzerTables.Omega[k];
    }

    /// <summary>Power response of the 102-sample rectangular window to a tone off centre by <paramref name="offset"/>.</summary>
    private static float GainSquared(int k, float offset)
    {
        var delta = offset * AnalyzerTables.Omega[k];
        if (MathF.Abs(delta) < 1e-6f)
        {
            return 1;
        }

        var gain = MathF.Sin(delta * N / 2) / (N * MathF.Sin(delta / 2));
        return MathF.Max(gain * gain, MinGainSquared);
    }

    /// <summary>|X|^2 of a full-block tone at <paramref name="dbm0"/>: (A N / 2)^2.</summary>
    private static float TonePowerFloor(float dbm0)
    {
        var amplitude = Dbm0.ToPeak(dbm0);
        return (float)(amplitude * amplitude * N * N / 4);
    }

    private static float DbToRatio(float db) => MathF.Pow(10, db / 10);
}
