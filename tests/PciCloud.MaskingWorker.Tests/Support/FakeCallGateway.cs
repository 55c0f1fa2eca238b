using System.Collections.Concurrent;
using KeyPressOutcome = PciCloud.Contracts.Calls.KeyPressOutcome;
using PciCloud.MaskingWorker.Calls;

namespace PciCloud.MaskingWorker.Tests.Support;

/// <summary>An in-memory region: settings per call, the key presses and summaries it was told.</summary>
internal sealed class FakeCallGateway : ICallGateway
{
    private readonly ConcurrentDictionary<string, CallMediaSettings> _settings = new();
    private readonly SemaphoreSlim _changed = new(0);

    public ConcurrentQueue<(string CallId, KeyPressReport KeyPress)> KeyPresses { get; } = new();

    public ConcurrentDictionary<string, MaskingSummary> Summaries { get; } = new();

    /// <summary>While true every call throws, like an unreachable cluster.</summary>
    public bool Unreachable { get; set; }

    public void Add(CallMediaSettings settings) => _settings[settings.CallId] = settings;

    public void Remove(string callId) => _settings.TryRemove(callId, out _);

    /// <summary>Waits (on a signal, not a sleep) until the call has <paramref name="count"/> key presses.</summary>
    public async Task<string> WaitForDigitsAsync(string callId, int count, TimeSpan timeout)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        cts.CancelAfter(timeout);
        while (KeyPresses.Count(k => k.CallId == callId) < count)
        {
            await _changed.WaitAsync(cts.Token);
        }

        return Digits(callId);
    }

    public string Digits(string callId) =>
        new([.. KeyPresses.Where(k => k.CallId == callId).OrderBy(k => k.KeyPress.Sequence).Select(k => k.KeyPress.Digit)]);

    public Task<CallMediaSettings?> GetMediaSettingsAsync(string callId, CancellationToken cancellationToken)
    {
        ThrowIfUnreachable();
        return Task.FromResult(_settings.GetValueOrDefault(callId));
    }

    public Task<KeyPressOutcome> ReportKeyPressAsync(string callId, KeyPressReport keyPress, CancellationToken cancellationToken)
    {
        ThrowIfUnreachable();
        KeyPresses.Enqueue((callId, keyPress));
        _changed.Release();
        return Task.FromResult(KeyPressOutcome.Routed);
    }

    public Task ReportMaskingSummaryAsync(string callId, MaskingSummary summary, CancellationToken cancellationToken)
    {
        ThrowIfUnreachable();
        Summaries[callId] = summary;
        return Task.CompletedTask;
    }

    /// <summary>The capture notifications the worker subscribed to, by call.</summary>
    public ConcurrentDictionary<string, Action<bool>> CaptureWatchers { get; } = new();

    public Task<bool> WatchCaptureAsync(string callId, Action<bool> onChange, CancellationToken cancellationToken)
    {
        ThrowIfUnreachable();
        CaptureWatchers[callId] = onChange;
        return Task.FromResult(false);
    }

    public void StopWatchingCapture(string callId) => CaptureWatchers.TryRemove(callId, out _);

    private void ThrowIfUnreachable()
    {
        if (Unreachable)
        {
            throw new TimeoutException("region unreachable (test)");
        }
    }
}
