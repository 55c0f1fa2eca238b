using BenchmarkDotNet.Attributes;
using PciCloud.Media.Codecs;
using PciCloud.Media.Dtmf;
using PciCloud.Media.Masking;

namespace PciCloud.Media.Benchmarks;

/// <summary>
/// The per-call media path: one 20 ms frame through mu-law decode, DTMF detection and masking, and mu-law
/// encode (expected: 0 B allocated). The input is speech-like audio with key presses in it, so the detector's
/// tone paths run too. Throughput per core = 160 samples / mean time per frame; concurrent 8 kHz calls per
/// core = that / 8000.
/// </summary>
[MemoryDiagnoser]
public class MediaPathBenchmarks
{
    private const int Frame = 160;

    private readonly short[] _pcmIn = new short[Frame];
    private readonly short[] _pcmOut = new short[Frame];
    private readonly byte[] _codesOut = new byte[Frame];
    private byte[] _audio = [];
    private MaskingChannel _pcmChannel = null!;
    private MaskingChannel _g711Channel = null!;
    private int _offset;

    [GlobalSetup]
    public void Setup()
    {
        var keys = DtmfSynth.Sequence("4242424242424242", -10, onMs: 80, offMs: 120);
        var pcm = new short[(keys.Length + 16000) / Frame * Frame];
        keys.CopyTo(pcm, 8000);
        var random = new Random(1);
        for (var i = 0; i < pcm.Length; i++)
        {
            pcm[i] += (short)(800 * Math.Sin(2 * Math.PI * 180 * i / 8000) + random.Next(-200, 200));
        }

        _audio = new byte[pcm.Length];
        MuLaw.Encode(pcm, _audio);
        _pcmChannel = new MaskingChannel(new MaskingOptions());
        _g711Channel = new MaskingChannel(new MaskingOptions());
    }

    /// <summary>Decode, detect + mask on PCM, encode: the path the CLI bench measures.</summary>
    [Benchmark(Baseline = true)]
    public byte DecodeDetectMaskEncode()
    {
        var input = NextFrame();
        MuLaw.Decode(input, _pcmIn);
        _pcmChannel.ProcessFrame(_pcmIn, _pcmOut);
        MuLaw.Encode(_pcmOut, _codesOut);
        return _codesOut[0];
    }

    /// <summary>The G.711 path the masking worker uses: original bytes copied where nothing is masked.</summary>
    [Benchmark]
    public byte G711Path()
    {
        _g711Channel.ProcessFrame(NextFrame(), _codesOut, G711Law.MuLaw);
        return _codesOut[0];
    }

    private ReadOnlySpan<byte> NextFrame()
    {
        var frame = _audio.AsSpan(_offset, Frame);
        _offset = _offset + Frame == _audio.Length ? 0 : _offset + Frame;
        return frame;
    }
}
