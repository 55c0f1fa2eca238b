using Microsoft.Extensions.Options;
using PciCloud.MaskingWorker.Calls;
using PciCloud.Media.Evidence;

namespace PciCloud.MaskingWorker.Streams;

/// <summary>
/// Creates each stream's output check (section <c>MaskingWorker:Evidence</c>). The worker's default
/// is stricter than the reference analysis: one DTMF-like 10 ms frame already counts, so a mask that
/// starts 10 ms late is caught (the tests prove it, and that a perfect mask stays at 0).
/// </summary>
public sealed class OutputLeakCheckFactory(IOptions<OutputLeakDetectorOptions> options) : IOutputLeakCheckFactory
{
    public static OutputLeakDetectorOptions Strict { get; } = new() { MinConsecutiveFrames = 1 };

    public IOutputLeakCheck Create(AudioCodec codec, int outputDelaySamples) => new OutputLeakCheck(codec, outputDelaySamples, options.Value);

    public ComponentDescription Describe()
    {
        var o = options.Value;
        var inv = System.Globalization.CultureInfo.InvariantCulture;
        return new ComponentDescription(typeof(OutputLeakDetector).FullName!, ComponentDescription.VersionOf(typeof(OutputLeakDetector)), new Dictionary<string, string>
        {
            ["floorDbm0"] = o.FloorDbm0.ToString(inv),
            ["pairRatioDb"] = o.PairRatioDb.ToString(inv),
            ["dominanceDb"] = o.DominanceDb.ToString(inv),
            ["twistDb"] = o.TwistDb.ToString(inv),
            ["minConsecutiveFrames"] = o.MinConsecutiveFrames.ToString(inv),
        });
    }
}
