using System.Runtime.CompilerServices;

namespace PciCloud.Media.Dtmf;

/// <summary>
/// The two functions the pair estimate needs on every block that may be a tone, as short polynomials instead
/// of libm calls (which were a fifth of the judging time). Accurate to about 1e-7, far below what the
/// thresholds resolve (a phase error of 1e-7 rad over 51 samples is a 0.000 01 % frequency error).
/// </summary>
internal static class FastTrig
{
    // Abramowitz and Stegun 4.4.49: atan(x) = x (1 + a2 x^2 + ... + a16 x^16) on [0, 1], |error| <= 2e-8.
    private const float A2 = -0.3333314528f;
    private const float A4 = 0.1999355085f;
    private const float A6 = -0.1420889944f;
    private const float A8 = 0.1065626393f;
    private const float A10 = -0.0752896400f;
    private const float A12 = 0.0429096138f;
    private const float A14 = -0.0161657367f;
    private const float A16 = 0.0028662257f;

    /// <summary>
    /// atan2(y, x) in radians, -pi to pi, with IEEE 754's signed zeros as libm has them (atan2(+-0, -0) is +-pi):
    /// a silent half block gives the same phase, and so the same verdict, as before.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Atan2(float y, float x)
    {
        var absX = MathF.Abs(x);
        var absY = MathF.Abs(y);
        var largest = MathF.Max(absX, absY);
        if (largest == 0)
        {
            return MathF.CopySign(float.IsNegative(x) ? MathF.PI : 0, y);
        }

        var ratio = MathF.Min(absX, absY) / largest;
        var s = ratio * ratio;
        var poly = MathF.FusedMultiplyAdd(s, A16, A14);
        poly = MathF.FusedMultiplyAdd(s, poly, A12);
        poly = MathF.FusedMultiplyAdd(s, poly, A10);
        poly = MathF.FusedMultiplyAdd(s, poly, A8);
        poly = MathF.FusedMultiplyAdd(s, poly, A6);
        poly = MathF.FusedMultiplyAdd(s, poly, A4);
        poly = MathF.FusedMultiplyAdd(s, poly, A2);
        var angle = ratio * MathF.FusedMultiplyAdd(s, poly, 1);
        angle = absY > absX ? (MathF.PI / 2) - angle : angle;
        angle = float.IsNegative(x) ? MathF.PI - angle : angle;
        return MathF.CopySign(angle, y);
    }

    /// <summary>sin(x) for |x| at most <see cref="SinLimit"/>: the Taylor series to x^15 (error below 2e-9 there).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Sin(float x)
    {
        var s = x * x;
        var poly = MathF.FusedMultiplyAdd(s, -1f / 1307674368000, 1f / 6227020800);
        poly = MathF.FusedMultiplyAdd(s, poly, -1f / 39916800);
        poly = MathF.FusedMultiplyAdd(s, poly, 1f / 362880);
        poly = MathF.FusedMultiplyAdd(s, poly, -1f / 5040);
        poly = MathF.FusedMultiplyAdd(s, poly, 1f / 120);
        poly = MathF.FusedMultiplyAdd(s, poly, -1f / 6);
        return x * MathF.FusedMultiplyAdd(s, poly, 1);
    }

    /// <summary>The largest argument <see cref="Sin"/> is meant for.</summary>
    public const float SinLimit = 2.2f;
}
