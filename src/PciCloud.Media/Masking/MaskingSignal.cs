using PciCloud.Media.Codecs;
using PciCloud.Media.Dtmf;

namespace PciCloud.Media.Masking;

/// <summary>
/// Produces the masking sound for any stream position. The tone is 500 Hz, which repeats every 16 samples
/// at 8 kHz, so it is a 16-entry table (and two 16-entry G.711 tables) indexed by position: identical for
/// every key and phase-continuous across frames.
/// </summary>
internal sealed class MaskingSignal
{
    private const int TonePeriod = 16;

    private readonly MaskingSound _sound;
    private readonly short[] _tone = new short[TonePeriod];
    private readonly byte[] _toneMuLaw = new byte[TonePeriod];
    private readonly byte[] _toneALaw = new byte[TonePeriod];
    private readonly float _noiseScale;
    private uint _noiseState = 0x9E3779B9;

    public MaskingSignal(MaskingSound sound, double levelDbm0)
    {
        _sound = sound;
        var peak = Dbm0.ToPeak(levelDbm0);
        for (var n = 0; n < TonePeriod; n++)
        {
            _tone[n] = (short)Math.Round(peak * Math.Sin(2 * Math.PI * n / TonePeriod));
            _toneMuLaw[n] = MuLaw.Encode(_tone[n]);
            _toneALaw[n] = ALaw.Encode(_tone[n]);
        }

        // Uniform noise on [-a, a] has RMS a / sqrt(3); match the RMS of a sine at the same level.
        _noiseScale = (float)(peak / Math.Sqrt(2) * Math.Sqrt(3));
    }

    public void Fill(long position, Span<short> output)
    {
        if (_sound == MaskingSound.Tone)
        {
            for (var i = 0; i < output.Length; i++)
            {
                output[i] = _tone[(int)((position + i) & (TonePeriod - 1))];
            }

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
            var table = law == G711Law.MuLaw ? _toneMuLaw : _toneALaw;
            for (var i = 0; i < output.Length; i++)
            {
                output[i] = table[(int)((position + i) & (TonePeriod - 1))];
            }

            return;
        }

        for (var i = 0; i < output.Length; i++)
        {
            var sample = NextNoise();
            output[i] = law == G711Law.MuLaw ? MuLaw.Encode(sample) : ALaw.Encode(sample);
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
