using System.Collections.Concurrent;
using PciCloud.MaskingWorker.Calls;

namespace PciCloud.MaskingWorker.Tests.Support;

/// <summary>An in-memory region: settings per call, the key presses and summaries it was told.</summary>
internal sealed class FakeCallGateway : ICallGateway
{
    private readonly ConcurrentDictionary<string, CallMediaSettings> _settings = new();

    public ConcurrentQueue<(string CallId, KeyPressReport KeyPress)> KeyPresses { get; } = new();

    public ConcurrentDictionary<string, MaskingSummary> Summaries { get; } = new();

    /// <summary>While true every call throws, like an unreachable cluster.</summary>
    public bool Unreachable { get; set; }

    public void Add(CallMediaSettings settings) => _settings[settings.CallId] = settings;

    public void Remove(string callId) => _settings.TryRemove(callId, out _);

    public string Digits(string callId) =>
        new([.. KeyPresses.Where(k => k.CallId == callId).OrderBy(k => k.KeyPress.Sequence).Select(k => k.KeyPress.Digit)]);

    public Task<CallMediaSettings?> GetMediaSettingsAsync(string callId, CancellationToken cancellationToken)
    {
        ThrowIfUnreachable();
        return Task.FromResult(_settings.GetValueOrDefault(callId));
    }

    public Task ReportKeyPressAsync(string callId, KeyPressReport keyPress, CancellationToken cancellationToken)
    {
        ThrowIfUnreachable();
        KeyPresses.Enqueue((callId, keyPress));
        return Task.CompletedTask;
    }

    public Task ReportMaskingSummaryAsync(string callId, MaskingSummary summary, CancellationToken cancellationToken)
    {
        ThrowIfUnreachable();
        Summaries[callId] = summary;
        return Task.CompletedTask;
    }

    private void ThrowIfUnreachable()
    {
        if (Unreachable)
        {
            throw new TimeoutException("region unreachable (test)");
        }
    }
}
