using Microsoft.Extensions.Options;
using PciCloud.MaskingWorker.Calls;
using PciCloud.Media.Masking;

namespace PciCloud.MaskingWorker.Streams;

/// <summary>Creates each stream's masker with the configured masking options (section <c>MaskingWorker:Masking</c>).</summary>
public sealed class MaskingChannelMaskerFactory(IOptions<MaskingOptions> options) : IFrameMaskerFactory
{
    public IFrameMasker Create(AudioCodec codec) => new MaskingChannelMasker(options.Value, codec);

    public ComponentDescription Describe()
    {
        var o = options.Value;
        var inv = System.Globalization.CultureInfo.InvariantCulture;
        return new ComponentDescription(typeof(MaskingChannel).FullName!, ComponentDescription.VersionOf(typeof(MaskingChannel)), new Dictionary<string, string>
        {
            ["lookaheadMs"] = o.LookaheadMilliseconds.ToString(inv),
            ["hangoverMs"] = o.HangoverMilliseconds.ToString(inv),
            ["sensitiveAfterKeyPressMs"] = o.SensitiveAfterKeyPressMilliseconds.ToString(inv),
            ["sound"] = o.Sound.ToString(),
            ["soundLevelDbm0"] = o.SoundLevelDbm0.ToString(inv),
        });
    }
}
