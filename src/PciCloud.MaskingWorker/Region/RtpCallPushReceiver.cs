using PciCloud.Contracts.Calls;
using PciCloud.Contracts.Media;
using PciCloud.MaskingWorker.Rtp;

namespace PciCloud.MaskingWorker.Region;

/// <summary>
/// Where a CallGrain tells this worker of a new RTP call (an Orleans client observer): the call's port
/// is opened with the settings given, before the region answers POST /v1/calls, so no packet is lost
/// waiting for the worker's next directory round. Kept alive by the service container (Orleans holds
/// observers weakly).
/// </summary>
public sealed class RtpCallPushReceiver(RtpRelayManager relays) : IMediaWorkerObserver
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(2);

    public async Task CallStartedAsync(MediaSettings settings)
    {
        if (!settings.Active)
        {
            return;
        }

        using var timeout = new CancellationTokenSource(StartTimeout);
        var mapped = await MediaSettingsMapper.ToWorkerSettingsAsync(settings, timeout.Token).ConfigureAwait(false);
        if (mapped is not null)
        {
            await relays.StartPushedAsync(mapped, timeout.Token).ConfigureAwait(false);
        }
    }
}
