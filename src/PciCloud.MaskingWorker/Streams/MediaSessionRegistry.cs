using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PciCloud.MaskingWorker.Calls;
using PciCloud.MaskingWorker.Diagnostics;
using PciCloud.MaskingWorker.Hosting;

namespace PciCloud.MaskingWorker.Streams;

/// <summary>
/// The worker's live media streams (RTP and WebSocket): at most one per call, at most
/// <see cref="MaskingWorkerOptions.MaxStreams"/> in all. Creates each stream's masker, leak check
/// and key press delivery.
/// </summary>
public sealed class MediaSessionRegistry(
    IOptions<MaskingWorkerOptions> options,
    ICallGateway gateway,
    IFrameMaskerFactory maskers,
    IOutputLeakCheckFactory leakChecks,
    WorkerMetrics metrics,
    ILoggerFactory loggerFactory)
{
    private readonly ConcurrentDictionary<string, CallMediaSession> _sessions = new(StringComparer.Ordinal);
    private readonly ILogger _logger = loggerFactory.CreateLogger("PciCloud.MaskingWorker.Media");
    private int _count;

    public int Count => Volatile.Read(ref _count);

    public IEnumerable<CallMediaSession> Sessions => _sessions.Values;

    public bool TryGet(string callId, [NotNullWhen(true)] out CallMediaSession? session) => _sessions.TryGetValue(callId, out session);

    /// <summary>Starts a stream for the call; false when the worker is full or the call already streams here.</summary>
    public bool TryStart(CallMediaSettings settings, [NotNullWhen(true)] out CallMediaSession? session)
    {
        session = null;
        if (Interlocked.Increment(ref _count) > options.Value.MaxStreams)
        {
            Interlocked.Decrement(ref _count);
            return false;
        }

        var delivery = new KeyPressDelivery(settings.CallId, gateway, metrics, _logger, options.Value.DigitDeliveryTimeout, options.Value.MaxQueuedKeyPresses);
        var masker = maskers.Create(settings.Codec);
        var audio = new MaskedAudioStream(
            settings.CallId, settings.Codec, masker, leakChecks.Create(settings.Codec, masker.LookaheadSamples), delivery, metrics, _logger);
        var components = (maskers.Describe(), leakChecks.Describe());
        var created = new CallMediaSession(settings, audio, delivery, gateway, Ended) { Components = components };
        if (!_sessions.TryAdd(settings.CallId, created))
        {
            Interlocked.Decrement(ref _count);
            _ = delivery.DisposeAsync().AsTask();
            return false;
        }

        metrics.StreamStarted();
        session = created;
        return true;
    }

    private void Ended(CallMediaSession session)
    {
        if (_sessions.TryRemove(new KeyValuePair<string, CallMediaSession>(session.CallId, session)))
        {
            Interlocked.Decrement(ref _count);
            metrics.StreamEnded();
        }
    }
}
