using PciCloud.Contracts.Calls;
using PciCloud.MaskingWorker.Calls;
using ContractKeyPress = PciCloud.Contracts.Calls.KeyPressReport;
using ContractSummary = PciCloud.Contracts.Calls.MaskingSummary;
using WorkerKeyPress = PciCloud.MaskingWorker.Calls.KeyPressReport;
using WorkerSummary = PciCloud.MaskingWorker.Calls.MaskingSummary;

namespace PciCloud.MaskingWorker.Region;

/// <summary>The worker's call gateway over Orleans: each call's CallGrain in the region's cluster.</summary>
public sealed class OrleansCallGateway(IClusterClient client) : ICallGateway
{
    // Observer objects are held here: Orleans keeps only a weak reference to them.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, (CaptureObserver Observer, ICallMediaObserver Reference)> _watchers = new(StringComparer.Ordinal);

    public Task<bool> WatchCaptureAsync(string callId, Action<bool> onChange, CancellationToken cancellationToken)
    {
        var watcher = _watchers.GetOrAdd(callId, _ =>
        {
            var observer = new CaptureObserver(onChange);
            return (observer, client.CreateObjectReference<ICallMediaObserver>(observer));
        });
        return client.GetGrain<ICallGrain>(callId).WatchCaptureAsync(watcher.Reference).WaitAsync(cancellationToken);
    }

    public void StopWatchingCapture(string callId)
    {
        if (_watchers.TryRemove(callId, out var watcher))
        {
            client.DeleteObjectReference<ICallMediaObserver>(watcher.Reference);
        }
    }

    public async Task<CallMediaSettings?> GetMediaSettingsAsync(string callId, CancellationToken cancellationToken)
    {
        var settings = await client.GetGrain<ICallGrain>(callId).GetMediaSettings().WaitAsync(cancellationToken).ConfigureAwait(false);
        return settings is { Active: true } ? await MediaSettingsMapper.ToWorkerSettingsAsync(settings, cancellationToken).ConfigureAwait(false) : null;
    }

    public Task<KeyPressOutcome> ReportKeyPressAsync(string callId, WorkerKeyPress keyPress, CancellationToken cancellationToken) =>
        client.GetGrain<ICallGrain>(callId)
            .ReportKeyPress(new ContractKeyPress(keyPress.Digit, keyPress.Sequence, keyPress.StartMs, keyPress.DurationMs, keyPress.Transport.ToApiName()))
            .WaitAsync(cancellationToken);

    public Task ReportMaskingSummaryAsync(string callId, WorkerSummary summary, CancellationToken cancellationToken) =>
        client.GetGrain<ICallGrain>(callId)
            .ReportMaskingSummary(new ContractSummary(
                summary.KeyPressesMasked,
                summary.Transports,
                summary.Leaks,
                summary.WorstOnsetMs,
                [.. summary.Spans.Select(s => new MaskedSpan(s.StartMs, s.DurationMs))])
            {
                KeyPressesByTransport = summary.KeyPressesByTransport,
                Verified = summary.Verified,
                Legs = [.. summary.Legs.Select(l => new MediaLegDigest(l.Leg, l.Destination, l.Bytes, l.Packets, l.Sha256))],
                Masker = Component(summary.Masker),
                Checker = Component(summary.Checker),
                Final = summary.Final,
                DigitsLost = summary.DigitsLost,
                LostSequences = summary.LostSequences,
            })
            .WaitAsync(cancellationToken);

    private static MaskingComponent? Component(ComponentDescription? c) => c is null ? null : new MaskingComponent(c.Name, c.Version, c.Settings);
}
