using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace PciCloud.Media.Dtmf;

/// <summary>
/// Streaming spectral analysis for DTMF at 8 kHz. Each 51-sample half block is correlated with the
/// eight keypad frequencies (one 8-wide vector multiply-add per sample, tables computed once); two
/// consecutive halves form a 102-sample block, so a block is judged every 51 samples (6.4 ms).
/// The phase advance between the two halves measures each tone's frequency, which gives a frequency
/// tolerance independent of the bin width, and lets the level be corrected for a tone that is off centre.
/// </summary>
internal sealed class DtmfAnalyzer
{
    public const int HalfSamples = 51;
    public const int BlockSamples = 2 * HalfSamples;

    private Vector256<float> _re;
    private Vector256<float> _im;
    private float _energy;
    private Vector256<float> _prevRe;
    private Vector256<float> _prevIm;
    private float _prevEnergy;
    private int _index;
    private long _position;

    /// <summary>Samples still needed before the next block verdict.</summary>
    public int SamplesToBoundary => HalfSamples - _index;

    /// <summary>Samples consumed so far.</summary>
    public long Position => _position;

    /// <summary>
    /// Consumes <paramref name="chunk"/> (at most <see cref="SamplesToBoundary"/> samples). Returns true when the
    /// chunk completes a block; <paramref name="block"/> then holds the verdict.
    /// </summary>
    public bool Accumulate(ReadOnlySpan<short> chunk, out DtmfBlock block)
    {
        if ((uint)chunk.Length > (uint)SamplesToBoundary)
        {
            ThrowChunkTooLong();
        }

        var index = _index;
        var (re, im, energy) = Correlate(chunk, index, _re, _im, _energy);
        index += chunk.Length;
        _position += chunk.Length;
        if (index < HalfSamples)
        {
            _re = re;
            _im = im;
            _energy = energy;
            _index = index;
            block = default;
            return false;
        }

        block = BlockJudge.Judge(_position - BlockSamples, _prevRe, _prevIm, _prevEnergy, re, im, energy);
        _prevRe = re;
        _prevIm = im;
        _prevEnergy = energy;
        _re = Vector256<float>.Zero;
        _im = Vector256<float>.Zero;
        _energy = 0;
        _index = 0;
        return true;
    }

    /// <summary>
    /// Adds <paramref name="chunk"/>, which starts at <paramref name="index"/> within the half block, to the
    /// running correlations. Two interleaved accumulator sets halve the multiply-add dependency chain.
    /// </summary>
    private static (Vector256<float> Re, Vector256<float> Im, float Energy) Correlate(
        ReadOnlySpan<short> chunk, int index, Vector256<float> re, Vector256<float> im, float energy)
    {
        ref var cos = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(AnalyzerTables.Cos), index);
        ref var sin = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(AnalyzerTables.NegSin), index);
        var re1 = Vector256<float>.Zero;
        var im1 = Vector256<float>.Zero;
        var energy1 = 0f;
        var i = 0;
        for (; i + 1 < chunk.Length; i += 2)
        {
            float x0 = chunk[i];
            float x1 = chunk[i + 1];
            re = Vector256.FusedMultiplyAdd(Vector256.Create(x0), Unsafe.Add(ref cos, i), re);
            im = Vector256.FusedMultiplyAdd(Vector256.Create(x0), Unsafe.Add(ref sin, i), im);
            re1 = Vector256.FusedMultiplyAdd(Vector256.Create(x1), Unsafe.Add(ref cos, i + 1), re1);
            im1 = Vector256.FusedMultiplyAdd(Vector256.Create(x1), Unsafe.Add(ref sin, i + 1), im1);
            energy = MathF.FusedMultiplyAdd(x0, x0, energy);
            energy1 = MathF.FusedMultiplyAdd(x1, x1, energy1);
        }

        if (i < chunk.Length)
        {
            float x = chunk[i];
            re = Vector256.FusedMultiplyAdd(Vector256.Create(x), Unsafe.Add(ref cos, i), re);
            im = Vector256.FusedMultiplyAdd(Vector256.Create(x), Unsafe.Add(ref sin, i), im);
            energy = MathF.FusedMultiplyAdd(x, x, energy);
        }

        return (re + re1, im + im1, energy + energy1);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowChunkTooLong() =>
        throw new ArgumentException("The chunk is longer than the samples left to the block boundary.");
}
