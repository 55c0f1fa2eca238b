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

    public PairEstimate(
        int row, int column,
        Vector256<float> firstRe, Vector256<float> firstIm, Vector256<float> secondRe, Vector256<float> secondIm)
    {
        var firstRow = Clean(row, column, firstRe, firstIm);
        var firstColumn = Clean(column, row, firstRe, firstIm);
        var secondRow = Clean(row, column, secondRe, secondIm);
        var secondColumn = Clean(column, row, secondRe, secondIm);
        (RowOffset, RowPower) = Measure(row, firstRow, secondRow);
        (ColumnOffset, ColumnPower) = Measure(column, firstColumn, secondColumn);
        OtherRowPower = StrongestOther(row & ~3, row, column, firstRe, firstIm, secondRe, secondIm);
        OtherColumnPower = StrongestOther(column & ~3, column, row, firstRe, firstIm, secondRe, secondIm);
    }

    /// <summary>The strongest other tone of the row group, cleaned of the column tone's leakage (and vice versa).</summary>
    public float OtherRowPower { get; }

    public float OtherColumnPower { get; }

    public float RowOffset { get; }

    public float ColumnOffset { get; }

    /// <summary>|X|^2 over the full block, corrected for the offset (a full-block tone of amplitude A: (A N / 2)^2).</summary>
    public float RowPower { get; }

    public float ColumnPower { get; }

    private static float StrongestOther(
        int group, int best, int otherGroupTone,
        Vector256<float> firstRe, Vector256<float> firstIm, Vector256<float> secondRe, Vector256<float> secondIm)
    {
        var strongest = 0f;
        for (var k = group; k < group + 4; k++)
        {
            if (k == best)
            {
                continue;
            }

            var first = CleanCross(k, otherGroupTone, firstRe, firstIm);
            var second = CleanCross(k, otherGroupTone, secondRe, secondIm);
            var full = first + (second * new Complex(AnalyzerTables.RotateCos.GetElement(k), -AnalyzerTables.RotateSin.GetElement(k)));
            strongest = MathF.Max(strongest, (float)((full.Real * full.Real) + (full.Imaginary * full.Imaginary)));
        }

        return strongest;
    }

    private static Complex CleanCross(int k, int other, Vector256<float> re, Vector256<float> im)
    {
        var tone = new Complex(re.GetElement(other), im.GetElement(other));
        return new Complex(re.GetElement(k), im.GetElement(k))
            - (LeakageKernels.Cross[k, other] * tone)
            - (LeakageKernels.Image[k, other] * Complex.Conjugate(tone));
    }

    private static Complex Clean(int k, int other, Vector256<float> re, Vector256<float> im)
    {
        var own = new Complex(re.GetElement(k), im.GetElement(k));
        var tone = new Complex(re.GetElement(other), im.GetElement(other));
        return own
            - (LeakageKernels.Cross[k, other] * tone)
            - (LeakageKernels.Image[k, other] * Complex.Conjugate(tone))
            - (LeakageKernels.Image[k, k] * Complex.Conjugate(own));
    }

    private static (float Offset, float Power) Measure(int k, Complex first, Complex second)
    {
        // The second half, rotated back by the nominal advance w x 51, leads the first by (offset rad/sample) x 51.
        var rotated = second * new Complex(AnalyzerTables.RotateCos.GetElement(k), -AnalyzerTables.RotateSin.GetElement(k));
        var advance = rotated * Complex.Conjugate(first);
        var delta = (float)Math.Atan2(advance.Imaginary, advance.Real) / DtmfAnalyzer.HalfSamples;
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
