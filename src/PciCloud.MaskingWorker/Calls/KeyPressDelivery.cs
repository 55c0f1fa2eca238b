using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using PciCloud.MaskingWorker.Diagnostics;

namespace PciCloud.MaskingWorker.Calls;

/// <summary>
/// Delivers one call's key presses to its CallGrain, in order, off the media path: the hot path only
/// enqueues. A delivery that fails (grain unreachable, timeout) is retried once — safe, because the
/// grain is idempotent per sequence — and then dropped and counted; the audio stays masked regardless,
/// and the sequence gap tells the session a digit was lost.
/// </summary>
public sealed partial class KeyPressDelivery : IAsyncDisposable
{
    private const int Attempts = 2;

    private readonly string _callId;
    private readonly ICallGateway _gateway;
    private readonly WorkerMetrics _metrics;
    private readonly ILogger _logger;
    private readonly TimeSpan _timeout;
    private readonly Channel<KeyPressReport> _queue;
    private readonly Task _pump;
    private int _delivered;
    private int _lost;

    /// <param name="capacity">Key presses queued at most; one more (a region that does not answer, a flood of events) is counted lost.</param>
    public KeyPressDelivery(string callId, ICallGateway gateway, WorkerMetrics metrics, ILogger logger, TimeSpan timeout, int capacity = 64)
    {
        // Wait mode: TryWrite answers false when full, so the key press is counted, not silently dropped.
        _queue = Channel.CreateBounded<KeyPressReport>(new BoundedChannelOptions(capacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
        _callId = callId;
        _gateway = gateway;
        _metrics = metrics;
        _logger = logger;
        _timeout = timeout;
        _pump = Task.Run(PumpAsync);
    }

    public int Delivered => Volatile.Read(ref _delivered);

    public int Lost => Volatile.Read(ref _lost);

    public void Enqueue(KeyPressReport keyPress)
    {
        if (!_queue.Writer.TryWrite(keyPress))
        {
            CountLost(keyPress.Sequence);
        }
    }

    /// <summary>Stops taking key presses and waits until every queued one is delivered or lost.</summary>
    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _pump.ConfigureAwait(false);
    }

    private async Task PumpAsync()
    {
        await foreach (var keyPress in _queue.Reader.ReadAllAsync().ConfigureAwait(false))
        {
            if (await TryDeliverAsync(keyPress).ConfigureAwait(false))
            {
                Interlocked.Increment(ref _delivered);
            }
            else
            {
                CountLost(keyPress.Sequence);
            }
        }
    }

    private async Task<bool> TryDeliverAsync(KeyPressReport keyPress)
    {
        for (var attempt = 1; attempt <= Attempts; attempt++)
        {
            using var timeout = new CancellationTokenSource(_timeout);
            try
            {
                await _gateway.ReportKeyPressAsync(_callId, keyPress, timeout.Token).ConfigureAwait(false);
                return true;
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                LogDeliveryFailed(_logger, _callId, keyPress.Sequence, attempt, ex.GetType().Name);
            }
        }

        return false;
    }

    private void CountLost(long sequence)
    {
        Interlocked.Increment(ref _lost);
        _metrics.DigitLost();
        LogDigitLost(_logger, _callId, sequence);
    }

    [LoggerMessage(EventId = 2101, Level = LogLevel.Warning, Message = "Key press #{Sequence} of call {CallId}: delivery attempt {Attempt} failed ({Error})")]
    private static partial void LogDeliveryFailed(ILogger logger, string callId, long sequence, int attempt, string error);

    [LoggerMessage(EventId = 2102, Level = LogLevel.Error, Message = "Key press #{Sequence} of call {CallId} lost: the CallGrain could not be reached (audio stayed masked)")]
    private static partial void LogDigitLost(ILogger logger, string callId, long sequence);
}
