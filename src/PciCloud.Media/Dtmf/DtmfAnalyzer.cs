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

        var re = _re;
        var im = _im;
        var energy = _energy;
        var index = _index;
        ref var cos = ref MemoryMarshal.GetArrayDataReference(AnalyzerTables.Cos);
        ref var sin = ref MemoryMarshal.GetArrayDataReference(AnalyzerTables.NegSin);
        for (var i = 0; i < chunk.Length; i++, index++)
        {
            float x = chunk[i];
            var xv = Vector256.Create(x);
            re = Vector256.FusedMultiplyAdd(xv, Unsafe.Add(ref cos, index), re);
            im = Vector256.FusedMultiplyAdd(xv, Unsafe.Add(ref sin, index), im);
            energy = MathF.FusedMultiplyAdd(x, x, energy);
        }

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

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowChunkTooLong() =>
        throw new ArgumentException("The chunk is longer than the samples left to the block boundary.");
}
