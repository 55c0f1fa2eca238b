using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PciCloud.MaskingWorker.Calls;
using PciCloud.MaskingWorker.Hosting;
using PciCloud.MaskingWorker.Tests.Support;
using KeyPressOutcome = PciCloud.Contracts.Calls.KeyPressOutcome;

namespace PciCloud.MaskingWorker.Tests.Calls;

/// <summary>Issue 13 part 3: a worker with no destination list sends nowhere, and one call's key-press queue is bounded.</summary>
public sealed class MediaBoundsTests
{
    [Fact]
    public void DestinationPolicy_NoNetworksConfigured_IsClosed()
    {
        var policy = new DestinationPolicy(Options.Create(new MaskingWorkerOptions()));
        Assert.False(policy.IsOpen);
        Assert.False(policy.IsAllowed(IPEndPoint.Parse("127.0.0.1:5004")));
        Assert.False(policy.IsAllowed(IPEndPoint.Parse("8.8.8.8:5004")));
        Assert.True(policy.IsAllowed(null)); // no recorder: nothing to send
    }

    [Fact]
    public void DestinationPolicy_ListedNetworksOnly()
    {
        var policy = new DestinationPolicy(Options.Create(new MaskingWorkerOptions { AllowedDestinationNetworks = ["203.0.113.0/24"] }));
        Assert.True(policy.IsAllowed(IPEndPoint.Parse("203.0.113.9:5004")));
        Assert.False(policy.IsAllowed(IPEndPoint.Parse("127.0.0.1:5004")));
    }

    [Fact]
    public async Task KeyPressDelivery_RegionNotAnswering_QueueIsBounded_TheRestCountedLost()
    {
        const int capacity = 8, pressed = 30;
        var gateway = new HangingGateway();
        var parts = new WorkerParts(AudioCodec.Pcmu);
        var delivery = new KeyPressDelivery("call_bounded", gateway, parts.Metrics, NullLogger.Instance, TimeSpan.FromHours(1), capacity);
        for (var i = 0; i < pressed; i++)
        {
            delivery.Enqueue(new KeyPressReport('5', i, i * 100, 80, KeyPressTransport.InBand));
        }

        // One key press may already be with the region (not queued): the rest beyond the capacity are lost.
        Assert.InRange(delivery.Lost, pressed - capacity - 1, pressed - capacity);
        Assert.Equal(delivery.Lost, parts.Metrics.DigitsLost);
        gateway.Answer();
        await delivery.DisposeAsync();
        Assert.Equal(pressed, delivery.Delivered + delivery.Lost);
    }

    private sealed class HangingGateway : ICallGateway
    {
        private readonly TaskCompletionSource _answer = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Answer() => _answer.TrySetResult();

        public Task<CallMediaSettings?> GetMediaSettingsAsync(string callId, CancellationToken cancellationToken) => Task.FromResult<CallMediaSettings?>(null);

        public async Task<KeyPressOutcome> ReportKeyPressAsync(string callId, KeyPressReport keyPress, CancellationToken cancellationToken)
        {
            await _answer.Task.WaitAsync(cancellationToken);
            return KeyPressOutcome.Routed;
        }

        public Task ReportMaskingSummaryAsync(string callId, MaskingSummary summary, CancellationToken cancellationToken) => Task.CompletedTask;

        public Task<bool> WatchCaptureAsync(string callId, Action<bool> onChange, CancellationToken cancellationToken) => Task.FromResult(false);

        public void StopWatchingCapture(string callId)
        {
        }
    }
}
