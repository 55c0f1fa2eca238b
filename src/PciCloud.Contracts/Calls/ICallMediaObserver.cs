using Orleans.Concurrency;

namespace PciCloud.Contracts.Calls;

/// <summary>
/// The masking worker carrying a call listens here: the CallGrain tells it when a payment session on the
/// call starts or stops capturing a field, so its masker is in the sensitive mode from the capture request on.
/// </summary>
[Alias("pcicloud.call-media-observer.v1")]
public interface ICallMediaObserver : IGrainObserver
{
    [OneWay, Alias("capture-changed")] Task CaptureChanged(bool capturing);
}
