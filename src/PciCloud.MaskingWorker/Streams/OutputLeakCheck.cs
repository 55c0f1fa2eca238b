using PciCloud.MaskingWorker.Calls;
using PciCloud.Media.Codecs;
using PciCloud.Media.Evidence;

namespace PciCloud.MaskingWorker.Streams;

/// <summary>The media library's <see cref="OutputLeakDetector"/> over a stream's output G.711 codes.</summary>
public sealed class OutputLeakCheck(AudioCodec codec, OutputLeakDetectorOptions? options = null) : IOutputLeakCheck
{
    private const int ChunkSamples = 480;

    private readonly OutputLeakDetector _detector = new(options);
    private readonly short[] _pcm = new short[ChunkSamples];

    public int Observe(ReadOnlySpan<byte> g711Out)
    {
        var leaks = 0;
        for (var offset = 0; offset < g711Out.Length; offset += ChunkSamples)
        {
            var codes = g711Out.Slice(offset, Math.Min(ChunkSamples, g711Out.Length - offset));
            var pcm = _pcm.AsSpan(0, codes.Length);
            if (codec == AudioCodec.Pcma)
            {
                ALaw.Decode(codes, pcm);
            }
            else
            {
                MuLaw.Decode(codes, pcm);
            }

            leaks += _detector.Process(pcm);
        }

        return leaks;
    }

    public int Flush()
    {
        var before = _detector.Leaks;
        _detector.Complete();
        return (int)(_detector.Leaks - before);
    }
}
