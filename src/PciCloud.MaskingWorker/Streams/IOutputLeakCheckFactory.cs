using PciCloud.MaskingWorker.Calls;

namespace PciCloud.MaskingWorker.Streams;

public interface IOutputLeakCheckFactory
{
    /// <summary>A check for one stream whose output lags its input by <paramref name="outputDelaySamples"/>.</summary>
    IOutputLeakCheck Create(AudioCodec codec, int outputDelaySamples);
}
