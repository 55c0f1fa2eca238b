using PciCloud.MaskingWorker.Calls;
using PciCloud.Media.Codecs;
using PciCloud.Media.Evidence;

namespace PciCloud.MaskingWorker.Streams;

/// <summary>
/// The media library's <see cref="ReferencedLeakCheck"/> over a stream's G.711 codes: tones found in
/// what came in are looked for again in what went out (dtmf_leak's method), so speech that merely
/// looks DTMF-like in the output is not a leak, while a late, short or attenuated mask is.
/// </summary>
public sealed class OutputLeakCheck(AudioCodec codec, int outputDelaySamples, OutputLeakDetectorOptions? options = null) : IOutputLeakCheck
{
    private const int ChunkSamples = 480;

    private readonly ReferencedLeakCheck _check = new(outputDelaySamples, options);
    private readonly short[] _pcm = new short[ChunkSamples];

    public int Observe(ReadOnlySpan<byte> g711In, ReadOnlySpan<byte> g711Out)
    {
        var leaks = 0;
        for (var offset = 0; offset < g711In.Length; offset += ChunkSamples)
        {
            leaks += _check.ProcessInput(Decode(g711In.Slice(offset, Math.Min(ChunkSamples, g711In.Length - offset))));
        }

        for (var offset = 0; offset < g711Out.Length; offset += ChunkSamples)
        {
            leaks += _check.ProcessOutput(Decode(g711Out.Slice(offset, Math.Min(ChunkSamples, g711Out.Length - offset))));
        }

        return leaks;
    }

    public int Flush() => _check.Complete();

    private ReadOnlySpan<short> Decode(ReadOnlySpan<byte> codes)
    {
        var pcm = _pcm.AsSpan(0, codes.Length);
        if (codec == AudioCodec.Pcma)
        {
            ALaw.Decode(codes, pcm);
        }
        else
        {
            MuLaw.Decode(codes, pcm);
        }

        return pcm;
    }
}
