using System.Numerics;

namespace PciCloud.Media.Dtmf;

/// <summary>
/// How much a tone at one keypad frequency leaks into the 51-sample correlation of another (and of itself,
/// through its negative-frequency image). A rectangular half block is only 157 Hz wide, so a row and a column
/// tone 236 Hz apart disturb each other's phase by up to 0.1 rad, which is a 0.8 % frequency error; removing
/// the predicted leakage before measuring the phase advance takes most of that away.
/// Stored as flat float tables indexed [into * 8 + from]: the pair estimate runs on a third of the blocks of a
/// call with key presses, in single precision.
/// </summary>
internal static class LeakageKernels
{
    /// <summary>[into * 8 + from]: leakage of the positive-frequency part of a tone at "from".</summary>
    public static readonly float[] CrossRe = Build((into, from) => Dirichlet(Omega(from) - Omega(into)).Real);

    public static readonly float[] CrossIm = Build((into, from) => Dirichlet(Omega(from) - Omega(into)).Imaginary);

    /// <summary>[into * 8 + from]: leakage of the negative-frequency image of a tone at "from" (from == into: the tone's own image).</summary>
    public static readonly float[] ImageRe = Build((into, from) => Dirichlet(-Omega(from) - Omega(into)).Real);

    public static readonly float[] ImageIm = Build((into, from) => Dirichlet(-Omega(from) - Omega(into)).Imaginary);

    // The same four tables indexed [from * 8 + into]: the leakage of one tone into each tone of a group is then
    // four consecutive floats, one vector.
    public static readonly float[] CrossReFrom = Transpose(CrossRe);

    public static readonly float[] CrossImFrom = Transpose(CrossIm);

    public static readonly float[] ImageReFrom = Transpose(ImageRe);

    public static readonly float[] ImageImFrom = Transpose(ImageIm);

    private static double Omega(int k) => 2 * Math.PI * DtmfKeypad.Frequencies[k] / DtmfKeypad.SampleRate;

    /// <summary>Sum over the half block of e^(j theta n), relative to the on-frequency sum (51).</summary>
    private static Complex Dirichlet(double theta)
    {
        var sum = Complex.Zero;
        for (var n = 0; n < DtmfAnalyzer.HalfSamples; n++)
        {
            sum += Complex.FromPolarCoordinates(1, theta * n);
        }

        return sum / DtmfAnalyzer.HalfSamples;
    }

    private static float[] Transpose(float[] table)
    {
        var transposed = new float[64];
        for (var into = 0; into < 8; into++)
        {
            for (var from = 0; from < 8; from++)
            {
                transposed[(from * 8) + into] = table[(into * 8) + from];
            }
        }

        return transposed;
    }

    private static float[] Build(Func<int, int, double> kernel)
    {
        var table = new float[64];
        for (var into = 0; into < 8; into++)
        {
            for (var from = 0; from < 8; from++)
            {
                table[(into * 8) + from] = (float)kernel(into, from);
            }
        }

        return table;
    }
}
