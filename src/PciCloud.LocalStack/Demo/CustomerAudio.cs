using PciCloud.Media.Dtmf;

namespace PciCloud.LocalStack.Demo;

/// <summary>
/// Synthesizes the customer's side of the call at 8 kHz: speech-like talk (a voiced pulse train
/// through moving vowel formants, in syllables and words) and key presses at a human pace.
/// Seeded, so every run sounds the same.
/// </summary>
public sealed class CustomerAudio(int seed = 7)
{
    private const int Rate = DtmfKeypad.SampleRate;

    // Vowel formants F1..F3 in Hz (Peterson & Barney averages).
    private static readonly double[][] Vowels =
    [
        [730, 1090, 2440], [270, 2290, 3010], [300, 870, 2240], [530, 1840, 2480], [570, 840, 2410], [660, 1720, 2410],
    ];

    private readonly Random _random = new(seed);

    /// <summary>About <paramref name="milliseconds"/> of talk: words of 2-4 syllables with pauses.</summary>
    public short[] Speech(int milliseconds)
    {
        var output = new List<short>(milliseconds * Rate / 1000);
        while (output.Count < milliseconds * Rate / 1000)
        {
            var syllables = _random.Next(2, 5);
            for (var s = 0; s < syllables; s++)
            {
                output.AddRange(Syllable(_random.Next(120, 260)));
                output.AddRange(new short[Rate * _random.Next(20, 60) / 1000]);
            }
            output.AddRange(new short[Rate * _random.Next(120, 300) / 1000]);
        }
        return Normalize(output, 9000);
    }

    /// <summary>Silence, as between the agent's question and the first key.</summary>
    public static short[] Pause(int milliseconds) => new short[Rate * milliseconds / 1000];

    /// <summary>
    /// Keys pressed at a human pace: tones of 90-140 ms with 180-320 ms between them
    /// (<paramref name="fast"/>: 60-80 ms and 70-110 ms), each at about -8 dBm0 per tone.
    /// </summary>
    public short[] Keys(string keys, bool fast) => [.. KeyTones(keys, fast).SelectMany(k => k.Tone.Concat(k.Gap))];

    /// <summary>The same keys, each as its tone and the silence after it (to time each key apart).</summary>
    public IReadOnlyList<(short[] Tone, short[] Gap)> KeyTones(string keys, bool fast)
    {
        var output = new List<(short[], short[])>();
        foreach (var key in keys)
        {
            var tone = new short[DtmfSynth.Samples(fast ? _random.Next(60, 81) : _random.Next(90, 141))];
            var level = -8 - (_random.NextDouble() * 3);
            DtmfSynth.AddTone(tone, key, level, level + 1);
            output.Add((tone, new short[DtmfSynth.Samples(fast ? _random.Next(70, 111) : _random.Next(180, 321))]));
        }
        return output;
    }

    private static short[] Normalize(List<short> samples, int peak)
    {
        var max = Math.Max(1, samples.Max(s => Math.Abs((int)s)));
        return samples.Select(s => (short)(s * peak / max)).ToArray();
    }

    private List<short> Syllable(int milliseconds)
    {
        var n = Rate * milliseconds / 1000;
        var samples = new List<short>(n);
        var vowel = Vowels[_random.Next(Vowels.Length)];
        var next = Vowels[_random.Next(Vowels.Length)];
        var f0Start = 95 + (_random.NextDouble() * 70);
        var f0End = f0Start * (0.85 + (_random.NextDouble() * 0.3));
        var resonators = vowel.Select((f, i) => new Resonator(f, 90 + (i * 40))).ToArray();
        double phase = 0;
        for (var i = 0; i < n; i++)
        {
            var t = (double)i / n;
            if (i % 80 == 0)
            {
                // Formants glide towards the next vowel, like coarticulation.
                for (var k = 0; k < resonators.Length; k++)
                {
                    resonators[k].Tune(vowel[k] + ((next[k] - vowel[k]) * t), 90 + (k * 40));
                }
            }
            var f0 = f0Start + ((f0End - f0Start) * t);
            phase += f0 / Rate;
            var excitation = phase >= 1 ? 1.0 : 0.0;
            phase -= Math.Floor(phase);
            excitation += (_random.NextDouble() - 0.5) * 0.02;
            var voiced = 0.0;
            foreach (var r in resonators)
            {
                voiced += r.Process(excitation);
            }
            var envelope = Math.Sin(Math.PI * t);
            samples.Add((short)Math.Clamp(voiced * envelope * 20000, short.MinValue, short.MaxValue));
        }
        return samples;
    }

    /// <summary>A two-pole resonator (one formant).</summary>
    private sealed class Resonator
    {
        private double _a1, _a2, _gain, _y1, _y2;

        public Resonator(double frequency, double bandwidth) => Tune(frequency, bandwidth);

        public void Tune(double frequency, double bandwidth)
        {
            var r = Math.Exp(-Math.PI * bandwidth / Rate);
            _a1 = 2 * r * Math.Cos(2 * Math.PI * frequency / Rate);
            _a2 = -r * r;
            _gain = 1 - r;
        }

        public double Process(double x)
        {
            var y = (_gain * x) + (_a1 * _y1) + (_a2 * _y2);
            _y2 = _y1;
            _y1 = y;
            return y;
        }
    }
}
