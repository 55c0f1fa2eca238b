using System.Collections.Concurrent;
using PciCloud.Media.Codecs;
using PciCloud.Media.Dtmf;

namespace PciCloud.Media.Masking;

/// <summary>
/// Produces the masking sound for any stream position. The tone is 500 Hz, which repeats every 16 samples
/// at 8 kHz, so it is a table of whole periods (and two G.711 ones) copied from the phase of the position:
/// identical for every key and phase-continuous across frames. The tone holds no state, so all channels with
/// the same level share one instance (one copy of the tables in cache however many streams take turns);
/// comfort noise keeps its generator state per channel.
/// </summary>
internal sealed class MaskingSignal
{
    private static readonly ConcurrentDictionary<double, MaskingSignal> SharedTones = new();

    private const int TonePeriod = 16;

    /// <summary>Samples copied per step: the tables hold this many plus one period, to start at any phase.</summary>
    private const int CopyLength = 256;

    private readonly MaskingSound _sound;
    private readonly short[] _tone = new short[CopyLength + TonePeriod];
    private readonly byte[] _toneMuLaw = new byte[CopyLength + TonePeriod];
    private readonly byte[] _toneALaw = new byte[CopyLength + TonePeriod];
    private readonly float _noiseScale;
    private uint _noiseState = 0x9E3779B9;

    private MaskingSignal(MaskingSound sound, double levelDbm0)
    {
        _sound = sound;
        var peak = Dbm0.ToPeak(levelDbm0);
        for (var n = 0; n < _tone.Length; n++)
        {
            _tone[n] = (short)Math.Round(peak * Math.Sin(2 * Math.PI * (n % TonePeriod) / TonePeriod));
            _toneMuLaw[n] = MuLaw.Encode(_tone[n]);
            _toneALaw[n] = ALaw.Encode(_tone[n]);
        }

        // Uniform noise on [-a, a] has RMS a / sqrt(3); match the RMS of a sine at the same level.
        _noiseScale = (float)(peak / Math.Sqrt(2) * Math.Sqrt(3));
    }

    /// <summary>The signal for a channel: the shared tone of that level, or a new comfort-noise generator.</summary>
    public static MaskingSignal For(MaskingSound sound, double levelDbm0) =>
        sound == MaskingSound.Tone
            ? SharedTones.GetOrAdd(levelDbm0, level => new MaskingSignal(MaskingSound.Tone, level))
            : new MaskingSignal(sound, levelDbm0);

    public void Fill(long position, Span<short> output)
    {
        if (_sound == MaskingSound.Tone)
        {
            CopyTone(_tone, position, output);
            return;
        }

        for (var i = 0; i < output.Length; i++)
        {
            output[i] = NextNoise();
        }
    }

    public void FillEncoded(long position, Span<byte> output, G711Law law)
    {
        if (_sound == MaskingSound.Tone)
        {
            CopyTone(law == G711Law.MuLaw ? _toneMuLaw : _toneALaw, position, output);
            return;
        }

        for (var i = 0; i < output.Length; i++)
        {
            var sample = NextNoise();
            output[i] = law == G711Law.MuLaw ? MuLaw.Encode(sample) : ALaw.Encode(sample);
        }
    }

    private static void CopyTone<T>(T[] tone, long position, Span<T> output)
    {
        while (!output.IsEmpty)
        {
            var length = Math.Min(output.Length, CopyLength);
            tone.AsSpan((int)(position & (TonePeriod - 1)), length).CopyTo(output);
            position += length;
            output = output[length..];
        }
    }

    private short NextNoise()
    {
        // xorshift32: cheap, allocation-free, and deterministic per channel.
        var x = _noiseState;
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        _noiseState = x;
        var uniform = ((int)x * (1f / int.MaxValue)) * _noiseScale;
        return (short)Math.Clamp(uniform, short.MinValue, short.MaxValue);
    }
}
