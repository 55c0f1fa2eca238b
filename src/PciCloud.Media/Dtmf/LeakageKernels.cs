using System.Numerics;

namespace PciCloud.Media.Dtmf;

/// <summary>
/// How much a tone at one keypad frequency leaks into the 51-sample correlation of another (and of itself,
/// through its negative-frequency image). A rectangular half block is only 157 Hz wide, so a row and a column
/// tone 236 Hz apart disturb each other's phase by up to 0.1 rad, which is a 0.8 % frequency error; removing
/// the predicted leakage before measuring the phase advance takes most of that away.
/// </summary>
internal static class LeakageKernels
{
    /// <summary>[into, from]: leakage of the positive-frequency part of a tone at "from".</summary>
    public static readonly Complex[,] Cross = Build((into, from) => Dirichlet(Omega(from) - Omega(into)));

    /// <summary>[into, from]: leakage of the negative-frequency image of a tone at "from" (from == into: the tone's own image).</summary>
    public static readonly Complex[,] Image = Build((into, from) => Dirichlet(-Omega(from) - Omega(into)));

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

    private static Complex[,] Build(Func<int, int, Complex> kernel)
    {
        var table = new Complex[8, 8];
        for (var into = 0; into < 8; into++)
        {
            for (var from = 0; from < 8; from++)
            {
                table[into, from] = kernel(into, from);
            }
        }

        return table;
    }
}
