using System.Net;
using PciCloud.MaskingWorker.Calls;
using KeyPressOutcome = PciCloud.Contracts.Calls.KeyPressOutcome;
using PciCloud.MaskingWorker.Directory;

namespace PciCloud.LoadTests.MaskingWorker;

/// <summary>
/// The region as the benchmark's worker sees it: calls <c>load_0..N-1</c>, RTP on consecutive ports,
/// masked audio forwarded and recorded to the load generator's two sinks. Key presses are counted.
/// </summary>
public sealed class LoadTestRegion(int calls, int portStart, IPEndPoint forward, IPEndPoint record) : ICallGateway, IWorkerDirectory
{
    private long _keyPresses;

    public long KeyPresses => Interlocked.Read(ref _keyPresses);

    public Task<CallMediaSettings?> GetMediaSettingsAsync(string callId, CancellationToken cancellationToken) =>
        Task.FromResult<CallMediaSettings?>(new CallMediaSettings
        {
            CallId = callId,
            Transport = MediaTransportKind.Rtp,
            Codec = AudioCodec.Pcmu,
            RtpPort = portStart + int.Parse(callId.AsSpan("load_".Length), System.Globalization.CultureInfo.InvariantCulture),
            ForwardTo = forward,
            RecordTo = record,
        });

    public Task<KeyPressOutcome> ReportKeyPressAsync(string callId, KeyPressReport keyPress, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _keyPresses);
        return Task.FromResult(KeyPressOutcome.Dropped);
    }

    public Task ReportMaskingSummaryAsync(string callId, MaskingSummary summary, CancellationToken cancellationToken) => Task.CompletedTask;

    // No payment sessions in the load test: nothing is ever captured.
    public Task<bool> WatchCaptureAsync(string callId, Action<bool> onChange, CancellationToken cancellationToken) => Task.FromResult(false);

    public void StopWatchingCapture(string callId)
    {
    }

    public Task RegisterAsync(WorkerAnnouncement announcement, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<bool> HeartbeatAsync(string workerId, int activeStreams, bool draining, CancellationToken cancellationToken) => Task.FromResult(true);

    public Task<IReadOnlyCollection<string>> GetAssignedRtpCallsAsync(string workerId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyCollection<string>>([.. Enumerable.Range(0, calls).Select(i => $"load_{i}")]);

    public Task UnregisterAsync(string workerId, CancellationToken cancellationToken) => Task.CompletedTask;
}
