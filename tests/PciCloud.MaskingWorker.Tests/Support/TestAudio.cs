using PciCloud.Media.Codecs;
using PciCloud.Media.Dtmf;

namespace PciCloud.MaskingWorker.Tests.Support;

/// <summary>Signals the tests key and speak, synthesized (no files).</summary>
internal static class TestAudio
{
    public const string CardNumber = "4111111111111111";

    public static short[] Silence(int ms) => new short[ms * 8];

    /// <summary>A card entry at human-ish timing: silence, the keys, silence.</summary>
    public static short[] CardEntry(string digits = CardNumber, double levelDbm0 = -10, int onMs = 70, int offMs = 80) =>
        [.. Silence(200), .. DtmfSynth.Sequence(digits, levelDbm0, onMs, offMs), .. Silence(300)];

    /// <summary>
    /// Voiced speech-like sound: a gliding pitch with harmonics shaped by two moving formants and a
    /// syllable envelope. It carries no DTMF pair, so the masker must pass it bit-exact.
    /// </summary>
    public static short[] PseudoSpeech(int ms, int seed = 7)
    {
        var random = new Random(seed);
        var samples = new short[ms * 8];
        double phase = 0;
        for (var i = 0; i < samples.Length; i++)
        {
            var t = i / 8000.0;
            var pitch = 120 + (30 * Math.Sin(2 * Math.PI * 1.3 * t));
            phase += 2 * Math.PI * pitch / 8000;
            var envelope = Math.Max(0, Math.Sin(2 * Math.PI * 3.5 * t));
            double value = 0;
            for (var h = 1; h <= 25; h++)
            {
                var f = h * pitch;
                var formant = Math.Exp(-Math.Pow((f - 700) / 200, 2)) + (0.6 * Math.Exp(-Math.Pow((f - 1800 - (300 * Math.Sin(t))) / 300, 2)));
                value += formant * Math.Sin(h * phase) / h;
            }

            samples[i] = (short)Math.Clamp((6000 * envelope * value) + (random.NextDouble() * 40) - 20, short.MinValue, short.MaxValue);
        }

        return samples;
    }

    public static byte[] Encode(short[] pcm, G711Law law)
    {
        var codes = new byte[pcm.Length];
        if (law == G711Law.ALaw)
        {
            ALaw.Encode(pcm, codes);
        }
        else
        {
            MuLaw.Encode(pcm, codes);
        }

        return codes;
    }

    public static short[] Decode(ReadOnlySpan<byte> codes, G711Law law)
    {
        var pcm = new short[codes.Length];
        if (law == G711Law.ALaw)
        {
            ALaw.Decode(codes, pcm);
        }
        else
        {
            MuLaw.Decode(codes, pcm);
        }

        return pcm;
    }

    /// <summary>The digits the project's own detector hears in <paramref name="pcm"/>.</summary>
    public static string DetectDigits(short[] pcm)
    {
        var detector = new DtmfDetector();
        detector.Process(pcm);
        detector.Finish();
        var digits = new System.Text.StringBuilder();
        while (detector.TryReadKeyPress(out var keyPress))
        {
            digits.Append(keyPress.Digit);
        }

        return digits.ToString();
    }
}
