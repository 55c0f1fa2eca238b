using PciCloud.MaskingWorker.Calls;

namespace PciCloud.MaskingWorker.Streams;

/// <summary>
/// Everything one call's media stream owns besides its transport: the masked audio path, the key
/// press delivery and the evidence. Disposing it ends the stream and reports the final evidence.
/// </summary>
public sealed class CallMediaSession : IAsyncDisposable
{
    private const long DigestRefreshBytes = 8000 * 10;

    public static readonly TimeSpan CaptureWatchRenewal = TimeSpan.FromSeconds(10);

    private readonly ICallGateway _gateway;
    private readonly Action<CallMediaSession> _onEnded;
    private long _reportedVersion = -1;
    private int _disposed;
    private int _final;
    private long _lastCaptureWatch;

    internal CallMediaSession(CallMediaSettings settings, MaskedAudioStream audio, KeyPressDelivery delivery, ICallGateway gateway, Action<CallMediaSession> onEnded)
    {
        Settings = settings;
        Audio = audio;
        Delivery = delivery;
        Digests = new SentAudioDigests(settings);
        _gateway = gateway;
        _onEnded = onEnded;
    }

    public CallMediaSettings Settings { get; }

    public string CallId => Settings.CallId;

    public MaskedAudioStream Audio { get; }

    public KeyPressDelivery Delivery { get; }

    /// <summary>Running digests of what was sent on each leg (the transport appends after each send).</summary>
    public SentAudioDigests Digests { get; } = null!;

    /// <summary>The masker and the output check, as the certificate names them.</summary>
    public (ComponentDescription? Masker, ComponentDescription? Checker) Components { get; init; }

    public MaskingSummary Summary() => Audio.Evidence.Snapshot() with
    {
        DigitsLost = Delivery.Lost,
        LostSequences = Delivery.LostSequences(),
        Legs = Digests.Snapshot(),
        Masker = Components.Masker,
        Checker = Components.Checker,
        Final = Volatile.Read(ref _final) == 1,
    };

    /// <summary>
    /// Subscribes to the call's capture notifications, and renews the subscription every
    /// <see cref="CaptureWatchRenewal"/> (the call may have moved to a new activation); the answer also
    /// sets the masker's mode, so a lost notification is corrected by the next renewal.
    /// </summary>
    public async Task WatchCaptureIfDueAsync(CancellationToken cancellationToken)
    {
        var now = Environment.TickCount64;
        if (_lastCaptureWatch != 0 && now - _lastCaptureWatch < (long)CaptureWatchRenewal.TotalMilliseconds)
        {
            return;
        }

        var capturing = await _gateway.WatchCaptureAsync(CallId, Audio.CaptureChanged, cancellationToken).ConfigureAwait(false);
        Audio.CaptureChanged(capturing);
        _lastCaptureWatch = now;
    }

    /// <summary>Sends the evidence when it changed since the last report; failures are retried next time.</summary>
    public async Task ReportIfChangedAsync(CancellationToken cancellationToken)
    {
        // The digests change with every packet: they ride along with evidence changes, refresh every
        // 10 s of audio and always go with the final report, instead of costing a report per heartbeat.
        var version = Audio.Evidence.Version + Delivery.Lost + (Digests.Bytes / DigestRefreshBytes) + Volatile.Read(ref _final);
        if (version == Interlocked.Read(ref _reportedVersion))
        {
            return;
        }

        await _gateway.ReportMaskingSummaryAsync(CallId, Summary(), cancellationToken).ConfigureAwait(false);
        Interlocked.Exchange(ref _reportedVersion, version);
    }

    /// <summary>
    /// Ends the stream (its transport has stopped feeding it): delivers the queued key presses,
    /// then the final evidence.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        _onEnded(this);
        _gateway.StopWatchingCapture(CallId);
        Audio.Complete();
        await Delivery.DisposeAsync().ConfigureAwait(false);
        Volatile.Write(ref _final, 1);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        try
        {
            await ReportIfChangedAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // The region is unreachable: the evidence of this call is lost with it, the audio was masked.
        }
        finally
        {
            Digests.Dispose();
        }
    }
}
