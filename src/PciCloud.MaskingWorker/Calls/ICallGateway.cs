using PciCloud.Contracts.Calls;

namespace PciCloud.MaskingWorker.Calls;

/// <summary>
/// The worker's view of the region's calls (the CallGrain in production). Kept small so the media
/// path is testable without Orleans. Implementations throw when the region is unreachable.
/// </summary>
public interface ICallGateway
{
    /// <summary>The call's media settings, or null when the call is unknown or ended.</summary>
    Task<CallMediaSettings?> GetMediaSettingsAsync(string callId, CancellationToken cancellationToken);

    /// <summary>Delivers one key press; idempotent per (call, sequence). What the call did with it.</summary>
    Task<KeyPressOutcome> ReportKeyPressAsync(string callId, KeyPressReport keyPress, CancellationToken cancellationToken);

    Task ReportMaskingSummaryAsync(string callId, MaskingSummary summary, CancellationToken cancellationToken);

    /// <summary>
    /// Asks the call to tell <paramref name="onChange"/> when a payment session starts or stops capturing a
    /// field (again on every call: the call may have lost the subscription); returns whether one captures now.
    /// </summary>
    Task<bool> WatchCaptureAsync(string callId, Action<bool> onChange, CancellationToken cancellationToken);

    /// <summary>The stream ended: no more capture notifications for the call.</summary>
    void StopWatchingCapture(string callId);
}
