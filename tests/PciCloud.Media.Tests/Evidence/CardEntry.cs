namespace PciCloud.Media.Tests.Evidence;

/// <summary>A keyed card number with the exact span of every tone, so tests can mask it well or badly.</summary>
internal sealed class CardEntry
{
    public CardEntry(string keys, double onMs, double offMs, double levelDbm0, double[]? background = null)
    {
        var on = TestSignals.Ms(onMs);
        var off = TestSignals.Ms(offMs);
        var length = Math.Max(background?.Length ?? 0, off + (keys.Length * (on + off)));
        Signal = new double[length];
        background?.CopyTo(Signal, 0);
        var start = off;
        foreach (var key in keys)
        {
            TestSignals.AddKey(Signal, start, on, key, levelDbm0);
            Spans.Add((start, on));
            start += on + off;
        }
    }

    public double[] Signal { get; }

    public List<(int Start, int Length)> Spans { get; } = [];

    /// <summary>Applies <paramref name="mask"/> to [start + lateMs, end - earlyMs) of every span.</summary>
    public short[] Masked(Action<double[], int, int> mask, double lateMs = 0, double earlyMs = 0)
    {
        var copy = (double[])Signal.Clone();
        foreach (var (start, length) in Spans)
        {
            var from = start + TestSignals.Ms(lateMs);
            var to = start + length - TestSignals.Ms(earlyMs);
            mask(copy, from, to - from);
        }

        return TestSignals.ToPcm(copy);
    }

    public static void Zero(double[] signal, int start, int length) => Array.Clear(signal, start, length);

    public static Action<double[], int, int> Attenuate(double db) => (signal, start, length) =>
    {
        var gain = Math.Pow(10, -db / 20);
        for (var i = start; i < start + length; i++)
        {
            signal[i] *= gain;
        }
    };

    public static Action<double[], int, int> ReplaceWithTone(double frequency, double levelDbm0) => (signal, start, length) =>
    {
        Array.Clear(signal, start, length);
        TestSignals.AddTone(signal, start, length, frequency, levelDbm0);
    };
}
