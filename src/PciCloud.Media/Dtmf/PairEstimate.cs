using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace PciCloud.Media.Dtmf;

/// <summary>
/// For a candidate row and column: the two half-block correlations cleaned of each other's leakage, then each
/// tone's relative frequency offset (from the phase advance between the halves) and its full-block power
/// corrected for that offset. Complex values are written out as (re, im) floats: single precision is ample for
/// a phase over 51 samples, and this runs on every block that might be a tone.
/// </summary>
internal readonly struct PairEstimate
{
    private const float N = DtmfAnalyzer.BlockSamples;

    /// <summary>Largest level correction for an off-centre tone (6 dB); beyond it the tone is far off anyway.</summary>
    public const float MinGainSquared = 0.25f;

    /// <summary>
    /// <paramref name="halves"/> holds the two half blocks' correlations as 32 floats: first half real and
    /// imaginary parts (8 each), then the second half's (see <see cref="Store"/>).
    /// </summary>
    public PairEstimate(int row, int column, ReadOnlySpan<float> halves)
    {
        var first = halves[..16];
        var second = halves[16..];
        var (firstRowRe, firstRowIm) = Clean(row, column, first);
        var (firstColumnRe, firstColumnIm) = Clean(column, row, first);
        var (secondRowRe, secondRowIm) = Clean(row, column, second);
        var (secondColumnRe, secondColumnIm) = Clean(column, row, second);
        (RowOffset, RowPower) = Measure(row, firstRowRe, firstRowIm, secondRowRe, secondRowIm);
        (ColumnOffset, ColumnPower) = Measure(column, firstColumnRe, firstColumnIm, secondColumnRe, secondColumnIm);
    }

    public float RowOffset { get; }

    public float ColumnOffset { get; }

    /// <summary>|X|^2 over the full block, corrected for the offset (a full-block tone of amplitude A: (A N / 2)^2).</summary>
    public float RowPower { get; }

    public float ColumnPower { get; }

    /// <summary>
    /// The strongest other tone of <paramref name="best"/>'s group, cleaned of the leakage of the other group's
    /// tone <paramref name="otherGroupTone"/> (only computed for blocks that pass every other strict test).
    /// </summary>
    public static float StrongestOther(int best, int otherGroupTone, ReadOnlySpan<float> halves)
    {
        // The four tones of the group side by side in one vector each: the same arithmetic as CleanCross and
        // RotateBack, lane by lane.
        var group = best & ~3;
        var from = (otherGroupTone * 8) + group;
        var crossRe = Vector128.Create(LeakageKernels.CrossReFrom.AsSpan(from, 4));
        var crossIm = Vector128.Create(LeakageKernels.CrossImFrom.AsSpan(from, 4));
        var imageRe = Vector128.Create(LeakageKernels.ImageReFrom.AsSpan(from, 4));
        var imageIm = Vector128.Create(LeakageKernels.ImageImFrom.AsSpan(from, 4));
        var (firstRe, firstIm) = CleanGroup(halves[..16], group, otherGroupTone, crossRe, crossIm, imageRe, imageIm);
        var (secondRe, secondIm) = CleanGroup(halves[16..], group, otherGroupTone, crossRe, crossIm, imageRe, imageIm);
        var cos = Vector128.Create(AnalyzerTables.RotateCosValues.AsSpan(group, 4));
        var sin = Vector128.Create(AnalyzerTables.RotateSinValues.AsSpan(group, 4));
        var fullRe = firstRe + ((secondRe * cos) + (secondIm * sin));
        var fullIm = firstIm + ((secondIm * cos) - (secondRe * sin));
        var power = (fullRe * fullRe) + (fullIm * fullIm);
        var isBest = Vector128.Equals(Vector128.Create(0, 1, 2, 3), Vector128.Create(best - group)).AsSingle();
        power = Vector128.ConditionalSelect(isBest, Vector128<float>.Zero, power);
        var pairs = Vector128.Max(power, Vector128.Shuffle(power, Vector128.Create(1, 0, 3, 2)));
        return Vector128.Max(pairs, Vector128.Shuffle(pairs, Vector128.Create(2, 3, 0, 1))).ToScalar();
    }

    /// <summary>Stores the two half blocks' correlations in the layout the estimate reads.</summary>
    public static void Store(
        Vector256<float> firstRe, Vector256<float> firstIm, Vector256<float> secondRe, Vector256<float> secondIm, Span<float> halves)
    {
        firstRe.CopyTo(halves);
        firstIm.CopyTo(halves[8..]);
        secondRe.CopyTo(halves[16..]);
        secondIm.CopyTo(halves[24..]);
    }

    /// <summary>The correlations of a group's four tones minus the leakage of the tone at <paramref name="other"/> (both its parts).</summary>
    private static (Vector128<float> Re, Vector128<float> Im) CleanGroup(
        ReadOnlySpan<float> half, int group, int other, Vector128<float> crossRe, Vector128<float> crossIm, Vector128<float> imageRe, Vector128<float> imageIm)
    {
        var ownRe = Vector128.Create(half.Slice(group, 4));
        var ownIm = Vector128.Create(half.Slice(8 + group, 4));
        var toneRe = Vector128.Create(half[other]);
        var toneIm = Vector128.Create(half[8 + other]);
        var re = ownRe - ((crossRe * toneRe) - (crossIm * toneIm)) - ((imageRe * toneRe) + (imageIm * toneIm));
        var im = ownIm - ((crossRe * toneIm) + (crossIm * toneRe)) - ((imageIm * toneRe) - (imageRe * toneIm));
        return (re, im);
    }

    /// <summary>Multiplies by e^(-j w 51): moves the second half's phase onto the first half's time base.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (float Re, float Im) RotateBack(int k, float re, float im)
    {
        var cos = AnalyzerTables.RotateCosValues[k];
        var sin = AnalyzerTables.RotateSinValues[k];
        return ((re * cos) + (im * sin), (im * cos) - (re * sin));
    }

    /// <summary>The correlation at <paramref name="k"/> minus the leakage of the tone at <paramref name="other"/> (both its parts).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (float Re, float Im) CleanCross(int k, int other, ReadOnlySpan<float> half)
    {
        var at = (k * 8) + other;
        var crossRe = LeakageKernels.CrossRe[at];
        var crossIm = LeakageKernels.CrossIm[at];
        var imageRe = LeakageKernels.ImageRe[at];
        var imageIm = LeakageKernels.ImageIm[at];
        var toneRe = half[other];
        var toneIm = half[8 + other];

        // own - cross * tone - image * conj(tone)
        var re = half[k] - ((crossRe * toneRe) - (crossIm * toneIm)) - ((imageRe * toneRe) + (imageIm * toneIm));
        var im = half[8 + k] - ((crossRe * toneIm) + (crossIm * toneRe)) - ((imageIm * toneRe) - (imageRe * toneIm));
        return (re, im);
    }

    /// <summary><see cref="CleanCross"/>, and also the own tone's negative-frequency image.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (float Re, float Im) Clean(int k, int other, ReadOnlySpan<float> half)
    {
        var (re, im) = CleanCross(k, other, half);
        var self = (k * 8) + k;
        var selfRe = LeakageKernels.ImageRe[self];
        var selfIm = LeakageKernels.ImageIm[self];
        var ownRe = half[k];
        var ownIm = half[8 + k];

        // - self * conj(own)
        return (re - ((selfRe * ownRe) + (selfIm * ownIm)), im - ((selfIm * ownRe) - (selfRe * ownIm)));
    }

    private static (float Offset, float Power) Measure(int k, float firstRe, float firstIm, float secondRe, float secondIm)
    {
        // The second half, rotated back by the nominal advance w x 51, leads the first by (offset rad/sample) x 51.
        var (rotatedRe, rotatedIm) = RotateBack(k, secondRe, secondIm);
        var advanceRe = (rotatedRe * firstRe) + (rotatedIm * firstIm);
        var advanceIm = (rotatedIm * firstRe) - (rotatedRe * firstIm);
        var delta = FastTrig.Atan2(advanceIm, advanceRe) / DtmfAnalyzer.HalfSamples;
        var fullRe = firstRe + rotatedRe;
        var fullIm = firstIm + rotatedIm;
        var power = (fullRe * fullRe) + (fullIm * fullIm);
        return (delta / AnalyzerTables.Omega[k], power / GainSquared(delta));
    }

    /// <summary>Power response of the 102-sample rectangular window to a tone off centre by <paramref name="delta"/> rad/sample.</summary>
    private static float GainSquared(float delta)
    {
        if (MathF.Abs(delta) < 1e-6f)
        {
            return 1;
        }

        // Beyond delta x 51 = 2.2 rad the main lobe is below 0.37 (and the side lobes below 0.22): the floor applies.
        var halfBlockPhase = delta * N / 2;
        if (MathF.Abs(halfBlockPhase) > FastTrig.SinLimit)
        {
            return MinGainSquared;
        }

        var gain = FastTrig.Sin(halfBlockPhase) / (N * FastTrig.Sin(delta / 2));
        return MathF.Max(gain * gain, MinGainSquared);
    }
}
