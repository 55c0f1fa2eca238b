namespace PciCloud.Media.Tests.Evidence;

/// <summary>Signals for the evidence tests, synthesized here (independent of the product's generator).</summary>
internal static class TestSignals
{
    public const int Rate = 8000;
    private const double Dbm0Peak = 22826.36;
    private static readonly double[] Rows = [697, 770, 852, 941];
    private static readonly double[] Columns = [1209, 1336, 1477, 1633];
    private const string Keys = "123A456B789C*0#D";

    public static int Ms(double ms) => (int)Math.Round(ms * Rate / 1000);

    public static double Amplitude(double dbm0) => Dbm0Peak * Math.Pow(10, dbm0 / 20);

    /// <summary>Adds a sine of <paramref name="levelDbm0"/> to <paramref name="signal"/>[start, start + length).</summary>
    public static void AddTone(double[] signal, int start, int length, double frequency, double levelDbm0, double phase = 0)
    {
        var amplitude = Amplitude(levelDbm0);
        for (var i = 0; i < length; i++)
        {
            signal[start + i] += amplitude * Math.Sin((2 * Math.PI * frequency * i / Rate) + phase);
        }
    }

    /// <summary>Adds the key's two tones, each at <paramref name="levelDbm0"/>.</summary>
    public static void AddKey(double[] signal, int start, int length, char key, double levelDbm0)
    {
        var index = Keys.IndexOf(key, StringComparison.Ordinal);
        Assert.True(index >= 0);
        AddTone(signal, start, length, Rows[index / 4], levelDbm0);
        AddTone(signal, start, length, Columns[index % 4], levelDbm0, 1.0);
    }

    /// <summary>
    /// A voiced, speech-like signal: a fundamental gliding between 90 and 250 Hz with 5.5 Hz
    /// vibrato, 30 harmonics shaped by two moving formants, syllable-rate loudness, pauses.
    /// </summary>
    public static double[] SpeechLike(double seconds, int seed, double levelDbm0 = -18)
    {
        var random = new Random(seed);
        var signal = new double[(int)(seconds * Rate)];
        var baseF0 = 90 + (random.NextDouble() * 160);
        var formant1 = 300 + (random.NextDouble() * 500);
        var formant2 = 900 + (random.NextDouble() * 1500);
        var phase = 0.0;
        var amplitude = Amplitude(levelDbm0);
        for (var i = 0; i < signal.Length; i++)
        {
            var t = (double)i / Rate;
            var f0 = baseF0 * (1 + (0.15 * Math.Sin(2 * Math.PI * 0.7 * t)) + (0.03 * Math.Sin(2 * Math.PI * 5.5 * t)));
            phase += 2 * Math.PI * f0 / Rate;
            var f1 = formant1 * (1 + (0.3 * Math.Sin(2 * Math.PI * 2.1 * t)));
            var f2 = formant2 * (1 + (0.25 * Math.Sin(2 * Math.PI * 1.3 * t + 1)));
            double sample = 0;
            for (var k = 1; k <= 30 && k * f0 < 3800; k++)
            {
                var f = k * f0;
                var gain = (1 / (1 + Math.Pow((f - f1) / 120, 2))) + (0.6 / (1 + Math.Pow((f - f2) / 180, 2))) + (0.05 / k);
                sample += gain * Math.Sin(k * phase);
            }

            var syllable = Math.Max(0, Math.Sin(2 * Math.PI * 4 * t));
            var pause = (int)(t / 1.5) % 3 == 2 ? 0 : 1;
            signal[i] = amplitude * 0.5 * sample * syllable * pause;
        }

        return signal;
    }

    public static short[] ToPcm(double[] signal) =>
        signal.Select(x => (short)Math.Clamp(Math.Round(x), short.MinValue, short.MaxValue)).ToArray();
}
