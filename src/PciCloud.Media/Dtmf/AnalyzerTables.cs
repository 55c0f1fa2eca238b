using System.Runtime.Intrinsics;

namespace PciCloud.Media.Dtmf;

/// <summary>Correlation tables for <see cref="DtmfAnalyzer"/>, computed once: e^(-j w n) for the eight keypad frequencies.</summary>
internal static class AnalyzerTables
{
    public static readonly Vector256<float>[] Cos = Build(Math.Cos, 1);
    public static readonly Vector256<float>[] NegSin = Build(Math.Sin, -1);

    /// <summary>cos and sin of w x 51: rotates the second half block's phase onto the first's time base.</summary>
    public static readonly Vector256<float> RotateCos = Rotation(Math.Cos);
    public static readonly Vector256<float> RotateSin = Rotation(Math.Sin);

    public static readonly float[] RotateCosValues = Values(RotateCos);
    public static readonly float[] RotateSinValues = Values(RotateSin);

    /// <summary>w (radians per sample) of each frequency.</summary>
    public static readonly float[] Omega = BuildOmega();

    private static float[] Values(Vector256<float> vector)
    {
        var values = new float[8];
        vector.CopyTo(values);
        return values;
    }

    private static float[] BuildOmega()
    {
        var omega = new float[8];
        for (var k = 0; k < 8; k++)
        {
            omega[k] = (float)(2 * Math.PI * DtmfKeypad.Frequencies[k] / DtmfKeypad.SampleRate);
        }

        return omega;
    }

    private static Vector256<float>[] Build(Func<double, double> function, int sign)
    {
        var table = new Vector256<float>[DtmfAnalyzer.HalfSamples];
        Span<float> lane = stackalloc float[8];
        for (var n = 0; n < table.Length; n++)
        {
            for (var k = 0; k < 8; k++)
            {
                var omega = 2 * Math.PI * DtmfKeypad.Frequencies[k] / DtmfKeypad.SampleRate;
                lane[k] = (float)(sign * function(omega * n));
            }

            table[n] = Vector256.Create<float>(lane);
        }

        return table;
    }

    private static Vector256<float> Rotation(Func<double, double> function)
    {
        Span<float> lane = stackalloc float[8];
        for (var k = 0; k < 8; k++)
        {
            var omega = 2 * Math.PI * DtmfKeypad.Frequencies[k] / DtmfKeypad.SampleRate;
            lane[k] = (float)function(omega * DtmfAnalyzer.HalfSamples);
        }

        return Vector256.Create<float>(lane);
    }
}
