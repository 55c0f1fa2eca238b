using System.Numerics;

namespace PciCloud.Media.Evidence;

/// <summary>
/// One analysis frame of the leak check: a 205-sample Hann-windowed Goertzel at the 8 DTMF
/// frequencies (the dtmf_leak reference analysis). Powers are scaled so a steady sine of power P
/// reads P; 0 dBm0 is a sine of peak 22826. Returns the key index (row * 4 + column) of a
/// DTMF-like frame, or -1.
/// </summary>
internal sealed class DtmfFrameAnalyzer
{
    public const int WindowLength = 205;
    public const double Dbm0Power = 22826.36 * 22826.36 / 2.0;

    private static readonly float[] Window = BuildWindow(out WindowSum, out WindowSquareSum);
    private static readonly double WindowSum;
    private static readonly double WindowSquareSum;
    private static readonly Vector4 LowCoefficients = Coefficients(697, 770, 852, 941);
    private static readonly Vector4 HighCoefficients = Coefficients(1209, 1336, 1477, 1633);

    private readonly double _floorPower;
    private readonly double _pairRatio;
    private readonly double _dominance;
    private readonly double _twist;

    public DtmfFrameAnalyzer(OutputLeakDetectorOptions options)
    {
        _floorPower = Dbm0Power * Math.Pow(10, options.FloorDbm0 / 10);
        _pairRatio = Math.Pow(10, options.PairRatioDb / 10);
        _dominance = Math.Pow(10, options.DominanceDb / 10);
        _twist = Math.Pow(10, options.TwistDb / 10);
    }

    /// <summary>The last frame's total power (after <see cref="Analyze"/>), linear, 0 dBm0 = <see cref="Dbm0Power"/>.</summary>
    public double LastTotalPower { get; private set; }

    /// <summary>Analyzes one window: <paramref name="ring"/> holds the last 205 samples, the oldest at <paramref name="oldest"/>.</summary>
    public int Analyze(ReadOnlySpan<float> ring, int oldest)
    {
        if (ring.Length != WindowLength || (uint)oldest >= WindowLength)
        {
            ThrowBadWindow();
        }

        var window = Window;
        var energy = 0.0;
        Vector4 lowS1 = default, lowS2 = default, highS1 = default, highS2 = default;
        var lowC = LowCoefficients;
        var highC = HighCoefficients;
        var index = oldest;
        for (var i = 0; i < WindowLength; i++)
        {
            var x = ring[index] * window[i];
            index = index == WindowLength - 1 ? 0 : index + 1;
            energy += x * x;
            var xs = new Vector4(x);
            var low = xs + (lowC * lowS1) - lowS2;
            lowS2 = lowS1;
            lowS1 = low;
            var high = xs + (highC * highS1) - highS2;
            highS2 = highS1;
            highS1 = high;
        }

        var total = energy / WindowSquareSum;
        LastTotalPower = total;
        if (total < _floorPower)
        {
            return -1;
        }

        var scale = 2.0 / (WindowSum * WindowSum);
        var lowPower = (lowS1 * lowS1) + (lowS2 * lowS2) - (lowC * lowS1 * lowS2);
        var highPower = (highS1 * highS1) + (highS2 * highS2) - (highC * highS1 * highS2);
        var row = Dominant(lowPower, out var lowBest);
        var column = Dominant(highPower, out var highBest);
        if (row < 0 || column < 0)
        {
            return -1;
        }

        var lowP = lowBest * scale;
        var highP = highBest * scale;
        if (lowP + highP < total * _pairRatio || highP > lowP * _twist || lowP > highP * _twist)
        {
            return -1;
        }

        return (row * 4) + column;
    }

    // The index of the tone that beats the other three by the dominance ratio, or -1.
    private int Dominant(Vector4 power, out double best)
    {
        var bestIndex = 0;
        best = power.X;
        for (var k = 1; k < 4; k++)
        {
            if (power[k] > best)
            {
                best = power[k];
                bestIndex = k;
            }
        }

        double second = 0;
        for (var k = 0; k < 4; k++)
        {
            if (k != bestIndex && power[k] > second)
            {
                second = power[k];
            }
        }

        return best > 0 && best >= second * _dominance ? bestIndex : -1;
    }

    private static float[] BuildWindow(out double sum, out double squareSum)
    {
        var window = new float[WindowLength];
        sum = 0;
        squareSum = 0;
        for (var i = 0; i < WindowLength; i++)
        {
            var w = 0.5 - (0.5 * Math.Cos(2 * Math.PI * (i + 0.5) / WindowLength));
            window[i] = (float)w;
            sum += w;
            squareSum += w * w;
        }

        return window;
    }

    private static Vector4 Coefficients(double f0, double f1, double f2, double f3) => new(
        (float)(2 * Math.Cos(2 * Math.PI * f0 / 8000)),
        (float)(2 * Math.Cos(2 * Math.PI * f1 / 8000)),
        (float)(2 * Math.Cos(2 * Math.PI * f2 / 8000)),
        (float)(2 * Math.Cos(2 * Math.PI * f3 / 8000)));

    private static void ThrowBadWindow() => throw new ArgumentException("The analysis window is 205 samples.");
}
