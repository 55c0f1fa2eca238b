using System.Numerics;
using System.Runtime.Intrinsics;

namespace PciCloud.Media.Dtmf;

/// <summary>
/// For a candidate row and column: the two half-block correlations cleaned of each other's leakage, then each
/// tone's relative frequency offset (from the phase advance between the halves) and its full-block power
/// corrected for that offset.
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
        var firstRow = Clean(row, column, first);
        var firstColumn = Clean(column, row, first);
        var secondRow = Clean(row, column, second);
        var secondColumn = Clean(column, row, second);
        (RowOffset, RowPower) = Measure(row, firstRow, secondRow);
        (ColumnOffset, ColumnPower) = Measure(column, firstColumn, secondColumn);
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
        var strongest = 0f;
        var group = best & ~3;
        for (var k = group; k < group + 4; k++)
        {
            if (k == best)
            {
                continue;
            }

            var first = CleanCross(k, otherGroupTone, halves[..16]);
            var second = CleanCross(k, otherGroupTone, halves[16..]);
            var full = first + (second * Rotation(k));
            strongest = MathF.Max(strongest, (float)((full.Real * full.Real) + (full.Imaginary * full.Imaginary)));
        }

        return strongest;
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

    private static Complex Rotation(int k) => new(AnalyzerTables.RotateCosValues[k], -AnalyzerTables.RotateSinValues[k]);

    private static Complex At(ReadOnlySpan<float> half, int k) => new(half[k], half[8 + k]);

    private static Complex CleanCross(int k, int other, ReadOnlySpan<float> half)
    {
        var tone = At(half, other);
        return At(half, k)
            - (LeakageKernels.Cross[k, other] * tone)
            - (LeakageKernels.Image[k, other] * Complex.Conjugate(tone));
    }

    private static Complex Clean(int k, int other, ReadOnlySpan<float> half)
    {
        var own = At(half, k);
        var tone = At(half, other);
        return own
            - (LeakageKernels.Cross[k, other] * tone)
            - (LeakageKernels.Image[k, other] * Complex.Conjugate(tone))
            - (LeakageKernels.Image[k, k] * Complex.Conjugate(own));
    }

    private static (float Offset, float Power) Measure(int k, Complex first, Complex second)
    {
        // The second half, rotated back by the nominal advance w x 51, leads the first by (offset rad/sample) x 51.
        var rotated = second * Rotation(k);
        var advance = rotated * Complex.Conjugate(first);
        var delta = MathF.Atan2((float)advance.Imaginary, (float)advance.Real) / DtmfAnalyzer.HalfSamples;
        var full = first + rotated;
        var power = (float)((full.Real * full.Real) + (full.Imaginary * full.Imaginary));
        return (delta / AnalyzerTables.Omega[k], power / GainSquared(delta));
    }

    /// <summary>Power response of the 102-sample rectangular window to a tone off centre by <paramref name="delta"/> rad/sample.</summary>
    private static float GainSquared(float delta)
    {
        if (MathF.Abs(delta) < 1e-6f)
        {
            return 1;
        }

        var gain = MathF.Sin(delta * N / 2) / (N * MathF.Sin(delta / 2));
        return MathF.Max(gain * gain, MinGainSquared);
    }
}
