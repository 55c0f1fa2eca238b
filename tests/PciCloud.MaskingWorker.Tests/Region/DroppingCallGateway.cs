using PciCloud.Contracts.Calls;
using PciCloud.MaskingWorker.Calls;
using KeyPressReport = PciCloud.MaskingWorker.Calls.KeyPressReport;
using MaskingSummary = PciCloud.MaskingWorker.Calls.MaskingSummary;

namespace PciCloud.MaskingWorker.Tests.Region;

/// <summary>The real call gateway, except that every delivery of the key presses in <paramref name="dropped"/> times out.</summary>
internal sealed class DroppingCallGateway(ICallGateway inner, IReadOnlySet<long> dropped) : ICallGateway
{
    public Task<CallMediaSettings?> GetMediaSettingsAsync(string callId, CancellationToken cancellationToken) =>
        inner.GetMediaSettingsAsync(callId, cancellationToken);

    public Task<KeyPressOutcome> ReportKeyPressAsync(string callId, KeyPressReport keyPress, CancellationToken cancellationToken) =>
        dropped.Contains(keyPress.Sequence)
            ? Task.FromException<KeyPressOutcome>(new TimeoutException($"key press #{keyPress.Sequence} dropped (test)"))
            : inner.ReportKeyPressAsync(callId, keyPress, cancellationToken);

    public Task<bool> WatchCaptureAsync(string callId, Action<bool> onChange, CancellationToken cancellationToken) =>
        inner.WatchCaptureAsync(callId, onChange, cancellationToken);

    public void StopWatchingCapture(string callId) => inner.StopWatchingCapture(callId);

    public Task ReportMaskingSummaryAsync(string callId, MaskingSummary summary, CancellationToken cancellationToken) =>
        inner.ReportMaskingSummaryAsync(callId, summary, cancellationToken);
}
