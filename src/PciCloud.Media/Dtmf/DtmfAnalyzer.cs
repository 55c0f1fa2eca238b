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
    public bool Accumulate(ReadOnlySpan<float> chunk, out DtmfBlock block)
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
    /// running correlations. The energy is a vector dot product 16 samples at a time; then each sample is one
    /// broadcast and two 8-wide multiply-adds, with four interleaved accumulator sets so the multiply-add
    /// latency is hidden.
    /// </summary>
    private static (Vector256<float> Re, Vector256<float> Im, float Energy) Correlate(
        ReadOnlySpan<float> chunk, int index, Vector256<float> re, Vector256<float> im, float energy)
    {
        var squares = Vector256<float>.Zero;
        var i = 0;
        for (; i + 16 <= chunk.Length; i += 16)
        {
            var low = Vector256.Create(chunk.Slice(i, 8));
            var high = Vector256.Create(chunk.Slice(i + 8, 8));
            squares = Vector256.FusedMultiplyAdd(low, low, squares);
            squares = Vector256.FusedMultiplyAdd(high, high, squares);
        }

        energy += Vector256.Sum(squares);
        for (; i < chunk.Length; i++)
        {
            energy = MathF.FusedMultiplyAdd(chunk[i], chunk[i], energy);
        }

        ref var cos = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(AnalyzerTables.Cos), index);
        ref var sin = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(AnalyzerTables.NegSin), index);
        ref var x0 = ref MemoryMarshal.GetReference(chunk);
        var re1 = Vector256<float>.Zero;
        var im1 = Vector256<float>.Zero;
        var re2 = Vector256<float>.Zero;
        var im2 = Vector256<float>.Zero;
        var re3 = Vector256<float>.Zero;
        var im3 = Vector256<float>.Zero;
        var n = 0;
        for (; n + 4 <= chunk.Length; n += 4)
        {
            var a = Vector256.Create(Unsafe.Add(ref x0, n));
            var b = Vector256.Create(Unsafe.Add(ref x0, n + 1));
            var c = Vector256.Create(Unsafe.Add(ref x0, n + 2));
            var d = Vector256.Create(Unsafe.Add(ref x0, n + 3));
            re = Vector256.FusedMultiplyAdd(a, Unsafe.Add(ref cos, n), re);
            im = Vector256.FusedMultiplyAdd(a, Unsafe.Add(ref sin, n), im);
            re1 = Vector256.FusedMultiplyAdd(b, Unsafe.Add(ref cos, n + 1), re1);
            im1 = Vector256.FusedMultiplyAdd(b, Unsafe.Add(ref sin, n + 1), im1);
            re2 = Vector256.FusedMultiplyAdd(c, Unsafe.Add(ref cos, n + 2), re2);
            im2 = Vector256.FusedMultiplyAdd(c, Unsafe.Add(ref sin, n + 2), im2);
            re3 = Vector256.FusedMultiplyAdd(d, Unsafe.Add(ref cos, n + 3), re3);
            im3 = Vector256.FusedMultiplyAdd(d, Unsafe.Add(ref sin, n + 3), im3);
        }

        for (; n < chunk.Length; n++)
        {
            var a = Vector256.Create(Unsafe.Add(ref x0, n));
            re = Vector256.FusedMultiplyAdd(a, Unsafe.Add(ref cos, n), re);
            im = Vector256.FusedMultiplyAdd(a, Unsafe.Add(ref sin, n), im);
        }

        return (re + re1 + (re2 + re3), im + im1 + (im2 + im3), energy);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowChunkTooLong() =>
        throw new ArgumentException("The chunk is longer than the samples left to the block boundary.");
}
