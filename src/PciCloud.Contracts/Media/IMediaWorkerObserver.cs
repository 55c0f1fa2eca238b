using PciCloud.Contracts.Calls;

namespace PciCloud.Contracts.Media;

/// <summary>
/// A masking worker, as the region reaches it (an Orleans client observer): told of an RTP call the
/// moment it is started on it, so the call's port is open before POST /v1/calls answers and the
/// customer's first packet is carried, not lost waiting for the worker's next directory round.
/// </summary>
[Alias("pcicloud.media-worker-observer.v1")]
public interface IMediaWorkerObserver : IGrainObserver
{
    /// <summary>Opens the call's port with these settings; completes once the port is bound (or refused).</summary>
    [Alias("call-started")] Task CallStartedAsync(MediaSettings settings);
}
