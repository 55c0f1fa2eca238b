using PciCloud.Media.Codecs;
using PciCloud.Media.Dtmf;

namespace PciCloud.Media.Tests;

/// <summary>Test signals, synthesized (no files): tones, gaps, noise, and a speech-like harmonic sound.</summary>
internal static class Signals
{
    public static short[] Silence(double ms) => new short[DtmfSynth.Samples(ms)];

    /// <summary>One key: <paramref name="lead"/> ms silence, the tone, <paramref name="tail"/> ms silence.</summary>
    public static short[] Key(
        char key, double onMs = 60, double levelDbm0 = -10, double twistDb = 0,
        double lowOffset = 0, double highOffset = 0, double lead = 100, double tail = 100)
    {
        var signal = new short[DtmfSynth.Samples(lead + onMs + tail)];
        DtmfSynth.AddTone(
            signal.AsSpan(DtmfSynth.Samples(lead), DtmfSynth.Samples(onMs)), key,
            levelDbm0, levelDbm0 + twistDb, lowOffset, highOffset);
        return signal;
    }

    public static short[] Concat(params short[][] parts) => parts.SelectMany(p => p).ToArray();

    /// <summary><paramref name="pcm"/> encoded in <paramref name="law"/>.</summary>
    public static byte[] Encode(short[] pcm, G711Law law)
    {
        var codes = new byte[pcm.Length];
        if (law == G711Law.MuLaw)
        {
            MuLaw.Encode(pcm, codes);
        }
        else
        {
            ALaw.Encode(pcm, codes);
        }

        return codes;
    }

    /// <summary>Adds white Gaussian noise of total power <paramref name="dbm0"/> (sine-power convention).</summary>
    public static short[] WithNoise(short[] signal, double dbm0, int seed)
    {
        var random = new Random(seed);
        var sigma = Math.Sqrt(Dbm0.ToMeanPower(dbm0));
        var output = new short[signal.Length];
        for (var i = 0; i < signal.Length; i++)
        {
            var gaussian = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
            output[i] = (short)Math.Clamp(Math.Round(signal[i] + (sigma * gaussian)), short.MinValue, short.MaxValue);
        }

        return output;
    }

    /// <summary>
    /// A voiced, vowel-like sound: harmonics of a gliding pitch, shaped by two formants. It has the strong
    /// periodicity of talk-off material without being a DTMF pair.
    /// </summary>
    public static short[] Vowel(double ms, double pitchHz, double formant1, double formant2, double levelDbm0, int seed)
    {
        var random = new Random(seed);
        var output = new short[DtmfSynth.Samples(ms)];
        var peak = Dbm0.ToPeak(levelDbm0);
        var phase = 0.0;
        for (var i = 0; i < output.Length; i++)
        {
            var pitch = pitchHz * (1 + (0.05 * Math.Sin(2 * Math.PI * i / output.Length)));
            phase += 2 * Math.PI * pitch / 8000;
            double value = 0;
            for (var h = 1; h * pitch < 3800; h++)
            {
                var f = h * pitch;
                var gain = Resonance(f, formant1) + Resonance(f, formant2);
                value += gain * Math.Sin(h * phase);
            }

            output[i] = (short)Math.Clamp(peak * value / 3 + random.Next(-20, 21), short.MinValue, short.MaxValue);
        }

        return output;
    }

    private static double Resonance(double f, double centre) => 1 / (1 + Math.Pow((f - centre) / 80, 2));
}
