using PciCloud.MaskingWorker.Calls;

namespace PciCloud.MaskingWorker.Streams;

public interface IFrameMaskerFactory
{
    IFrameMasker Create(AudioCodec codec);
}
