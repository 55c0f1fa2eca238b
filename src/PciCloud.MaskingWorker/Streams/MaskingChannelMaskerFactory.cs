using Microsoft.Extensions.Options;
using PciCloud.MaskingWorker.Calls;
using PciCloud.Media.Masking;

namespace PciCloud.MaskingWorker.Streams;

/// <summary>Creates each stream's masker with the configured masking options (section <c>MaskingWorker:Masking</c>).</summary>
public sealed class MaskingChannelMaskerFactory(IOptions<MaskingOptions> options) : IFrameMaskerFactory
{
    public IFrameMasker Create(AudioCodec codec) => new MaskingChannelMasker(options.Value, codec);
}
