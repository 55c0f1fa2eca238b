using PciCloud.MaskingWorker.Calls;

namespace PciCloud.MaskingWorker.Streams;

public interface IFrameMaskerFactory
{
    IFrameMasker Create(AudioCodec codec);

    /// <summary>The masker's name, build and settings, as the masking certificate states them.</summary>
    ComponentDescription Describe();
}
