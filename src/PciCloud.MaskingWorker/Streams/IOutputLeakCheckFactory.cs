using PciCloud.MaskingWorker.Calls;

namespace PciCloud.MaskingWorker.Streams;

public interface IOutputLeakCheckFactory
{
    IOutputLeakCheck Create(AudioCodec codec);
}
