using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using PciCloud.Contracts.Calls;
using PciCloud.MaskingWorker.Diagnostics;

namespace PciCloud.MaskingWorker.Calls;

/// <summary>
/// Delivers one call's key presses to its CallGrain, in order, off the media path: the hot path only
/// enqueues. A delivery that fails (grain unreachable, timeout) is retried once — safe, because the
/// grain is idempotent per sequence — and then dropped and counted; the audio stays masked regardless.
/// The call hears of the lost one from the gap in the sequence of the next delivery, or from
/// <see cref="LostSequences"/> in the next masking report, and tells its session.
/// </summary>
public sealed partial class KeyPressDelivery : IAsyncDisposable
{
    private const int Attempts = 2;
    private const int RememberedLost = 16;

    private readonly string _callId;
    private readonly ICallGateway _gateway;
    private readonly WorkerMetrics _metrics;
    private readonly ILogger _logger;
    private readonly TimeSpan _timeout;
    private readonly Channel<KeyPressReport> _queue;
    private readonly Task _pump;
    private readonly Queue<long> _lostSequences = new();
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

    /// <summary>The most recent key presses that could not be delivered (their sequence numbers).</summary>
    public IReadOnlyList<long> LostSequences()
    {
        lock (_lostSequences)
        {
            return [.. _lostSequences];
        }
    }

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
                var outcome = await _gateway.ReportKeyPressAsync(_callId, keyPress, timeout.Token).ConfigureAwait(false);
                if (outcome is KeyPressOutcome.Lost or KeyPressOutcome.Rejected)
                {
                    LogNotTaken(_logger, _callId, keyPress.Sequence, outcome);
                }

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
        lock (_lostSequences)
        {
            if (_lostSequences.Count == RememberedLost)
            {
                _lostSequences.Dequeue();
            }

            _lostSequences.Enqueue(sequence);
        }

        Interlocked.Increment(ref _lost);
        _metrics.DigitLost();
        LogDigitLost(_logger, _callId, sequence);
    }

    [LoggerMessage(EventId = 2101, Level = LogLevel.Warning, Message = "Key press #{Sequence} of call {CallId}: delivery attempt {Attempt} failed ({Error})")]
    private static partial void LogDeliveryFailed(ILogger logger, string callId, long sequence, int attempt, string error);

    [LoggerMessage(EventId = 2103, Level = LogLevel.Warning, Message = "Key press #{Sequence} of call {CallId} reached the region but was {Outcome} (the session is told when it was lost)")]
    private static partial void LogNotTaken(ILogger logger, string callId, long sequence, KeyPressOutcome outcome);

    [LoggerMessage(EventId = 2102, Level = LogLevel.Error, Message = "Key press #{Sequence} of call {CallId} lost: the CallGrain could not be reached (audio stayed masked)")]
    private static partial void LogDigitLost(ILogger logger, string callId, long sequence);
}
