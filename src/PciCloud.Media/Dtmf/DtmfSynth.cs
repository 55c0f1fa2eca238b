namespace PciCloud.Media.Dtmf;

/// <summary>
/// Synthesizes DTMF key sequences at 8 kHz (for tests, the CLI's synth command and demos).
/// Levels are per tone in dBm0; twist is the high-group level minus the low-group level.
/// </summary>
public static class DtmfSynth
{
    /// <summary>Number of 8 kHz samples in <paramref name="milliseconds"/>.</summary>
    public static int Samples(double milliseconds) => (int)Math.Round(milliseconds * DtmfKeypad.SampleRate / 1000);

    /// <summary>
    /// A keyed sequence: for each key, <paramref name="onMs"/> of tone then <paramref name="offMs"/> of silence.
    /// </summary>
    public static short[] Sequence(string keys, double levelDbm0 = -10, int onMs = 50, int offMs = 50, double twistDb = 0)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var on = Samples(onMs);
        var step = on + Samples(offMs);
        var output = new short[keys.Length * step];
        for (var i = 0; i < keys.Length; i++)
        {
            AddTone(output.AsSpan(i * step, on), keys[i], levelDbm0, levelDbm0 + twistDb);
        }

        return output;
    }

    /// <summary>
    /// Adds the tone pair of <paramref name="key"/> over the whole of <paramref name="output"/> (saturating),
    /// with optional relative frequency offsets (0.015 = +1.5 %) and a start phase in samples.
    /// </summary>
    public static void AddTone(
        Span<short> output,
        char key,
        double lowDbm0,
        double highDbm0,
        double lowOffset = 0,
        double highOffset = 0,
        long phaseSamples = 0)
    {
        if (!DtmfKeypad.TryGetPosition(key, out var row, out var column))
        {
            throw new ArgumentException($"'{key}' is not a DTMF key (0-9, *, #, A-D).", nameof(key));
        }

        var frequencies = DtmfKeypad.Frequencies;
        AddSine(output, frequencies[row] * (1 + lowOffset), lowDbm0, phaseSamples);
        AddSine(output, frequencies[4 + column] * (1 + highOffset), highDbm0, phaseSamples);
    }

    /// <summary>Adds a sine of <paramref name="frequencyHz"/> at <paramref name="levelDbm0"/> (saturating).</summary>
    public static void AddSine(Span<short> output, double frequencyHz, double levelDbm0, long phaseSamples = 0)
    {
        var peak = Dbm0.ToPeak(levelDbm0);
        var omega = 2 * Math.PI * frequencyHz / DtmfKeypad.SampleRate;
        for (var i = 0; i < output.Length; i++)
        {
            var value = output[i] + (peak * Math.Sin(omega * (i + phaseSamples)));
            output[i] = (short)Math.Clamp(Math.Round(value), short.MinValue, short.MaxValue);
        }
    }
}
