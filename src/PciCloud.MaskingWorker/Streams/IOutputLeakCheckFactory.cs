using PciCloud.MaskingWorker.Calls;

namespace PciCloud.MaskingWorker.Streams;

public interface IOutputLeakCheckFactory
{
    /// <summary>A check for one stream whose output lags its input by <paramref name="outputDelaySamples"/>.</summary>
    IOutputLeakCheck Create(AudioCodec codec, int outputDelaySamples);

    /// <summary>The check's name, build and settings, as the masking certificate states them.</summary>
    ComponentDescription Describe();
}
