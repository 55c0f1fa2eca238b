using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using PciCloud.MaskingWorker.Calls;
using PciCloud.MaskingWorker.Diagnostics;
using PciCloud.MaskingWorker.Streams;
using PciCloud.Media.Masking;

namespace PciCloud.MaskingWorker.Tests.Support;

/// <summary>One call's media path assembled as the worker does it, without a host.</summary>
internal sealed class WorkerParts : IAsyncDisposable
{
    public WorkerParts(AudioCodec codec, string callId = "call_test", IOutputLeakCheck? leakCheck = null, IFrameMasker? masker = null, TimeProvider? time = null)
    {
        Codec = codec;
        CallId = callId;
        Metrics = NewMetrics();
        Delivery = new KeyPressDelivery(callId, Gateway, Metrics, NullLogger.Instance, TimeSpan.FromSeconds(5));
        Audio = new MaskedAudioStream(
            callId, codec, masker ?? new MaskingChannelMasker(new MaskingOptions(), codec), leakCheck ?? new NothingFoundLeakCheck(), Delivery, Metrics, NullLogger.Instance, time);
    }

    public AudioCodec Codec { get; }

    public string CallId { get; }

    public FakeCallGateway Gateway { get; } = new();

    public WorkerMetrics Metrics { get; }

    public KeyPressDelivery Delivery { get; }

    public MaskedAudioStream Audio { get; }

    public static WorkerMetrics NewMetrics() =>
        new(new ServiceCollection().AddMetrics().BuildServiceProvider().GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>());

    public CallMediaSettings Settings(int rtpPort = 0) => new()
    {
        CallId = CallId,
        Transport = MediaTransportKind.Rtp,
        Codec = Codec,
        RtpPort = rtpPort,
    };

    /// <summary>Waits until every queued key press reached the gateway (or was lost).</summary>
    public async ValueTask DisposeAsync() => await Delivery.DisposeAsync();

    /// <summary>A leak check that always finds nothing: only for tests that check the output audio themselves (the Rtp tests run the DTMF detectors on it).</summary>
    private sealed class NothingFoundLeakCheck : IOutputLeakCheck
    {
        public int Observe(ReadOnlySpan<byte> g711In, ReadOnlySpan<byte> g711Out) => 0;

        public int Flush() => 0;
    }
}
