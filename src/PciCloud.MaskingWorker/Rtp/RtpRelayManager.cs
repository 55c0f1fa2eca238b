using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PciCloud.MaskingWorker.Calls;
using PciCloud.MaskingWorker.Diagnostics;
using PciCloud.MaskingWorker.Hosting;
using PciCloud.MaskingWorker.Streams;

namespace PciCloud.MaskingWorker.Rtp;

/// <summary>
/// Starts and stops the worker's RTP relays to match the calls the region assigned to it: a relay
/// per call, on the port the region reserved, with the call's settings from its CallGrain.
/// </summary>
public sealed partial class RtpRelayManager(
    IOptions<MaskingWorkerOptions> options,
    ICallGateway gateway,
    MediaSessionRegistry sessions,
    DestinationPolicy destinations,
    WorkerMetrics metrics,
    ILogger<RtpRelayManager> logger) : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, RtpRelay> _relays = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _syncLock = new(1, 1);
    private readonly RtpPortPool _ports = new(options.Value.RtpPortStart, options.Value.RtpPortEnd);
    private readonly IPAddress _bindAddress = IPAddress.Parse(options.Value.RtpBindAddress);

    public RtpPortPool Ports => _ports;

    public int Count => _relays.Count;

    public bool TryGet(string callId, out RtpRelay? relay) => _relays.TryGetValue(callId, out relay);

    /// <summary>
    /// Brings the running relays in line with the assigned calls: starts new ones, stops gone ones. A relay
    /// started after <paramref name="listedAt"/> (a pushed call) is newer than the list and stays.
    /// </summary>
    public async Task SyncAsync(IReadOnlyCollection<string> assignedCallIds, long listedAt, CancellationToken cancellationToken)
    {
        await _syncLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var assigned = assignedCallIds.ToHashSet(StringComparer.Ordinal);
            foreach (var (callId, _) in _relays.Where(r => !assigned.Contains(r.Key) && r.Value.StartedAt < listedAt).ToList())
            {
                await StopAsync(callId).ConfigureAwait(false);
            }

            foreach (var callId in assigned.Where(id => !_relays.ContainsKey(id)))
            {
                await TryStartAsync(callId, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            _syncLock.Release();
        }
    }

    /// <summary>Starts the relay of a call the region has just started on this worker (pushed, with its settings).</summary>
    public async Task<bool> StartPushedAsync(CallMediaSettings settings, CancellationToken cancellationToken)
    {
        await _syncLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return _relays.ContainsKey(settings.CallId) || await TryStartAsync(settings).ConfigureAwait(false);
        }
        finally
        {
            _syncLock.Release();
        }
    }

    /// <summary>Starts the relay of one call; false (logged) when the call cannot be carried here.</summary>
    public async Task<bool> TryStartAsync(string callId, CancellationToken cancellationToken)
    {
        if (_relays.ContainsKey(callId))
        {
            return true;
        }

        var settings = await gateway.GetMediaSettingsAsync(callId, cancellationToken).ConfigureAwait(false);
        if (settings is null)
        {
            LogRefused(logger, callId, "unknown or ended");
            return false;
        }

        return await TryStartAsync(settings).ConfigureAwait(false);
    }

    private async Task<bool> TryStartAsync(CallMediaSettings settings)
    {
        var callId = settings.CallId;
        if (settings.Transport != MediaTransportKind.Rtp)
        {
            LogRefused(logger, callId, "not an RTP call");
            return false;
        }

        if (!destinations.IsAllowed(settings.ForwardTo) || !destinations.IsAllowed(settings.RecordTo))
        {
            LogRefused(logger, callId, "destination outside the worker's allowed networks");
            return false;
        }

        if (!_ports.TryTake(settings.RtpPort))
        {
            LogRefused(logger, callId, $"port {settings.RtpPort} outside the range or taken");
            return false;
        }

        if (!sessions.TryStart(settings, out var session))
        {
            _ports.Release(settings.RtpPort);
            LogRefused(logger, callId, "no stream capacity left");
            return false;
        }

        try
        {
            var relay = RtpRelay.Start(session, _bindAddress, Limits(options.Value), metrics, logger);
            _relays[callId] = relay;
            LogStarted(logger, callId, settings.RtpPort);
            return true;
        }
        catch (SocketException ex)
        {
            _ports.Release(settings.RtpPort);
            await session.DisposeAsync().ConfigureAwait(false);
            LogRefused(logger, callId, $"port {settings.RtpPort} could not be bound ({ex.SocketErrorCode})");
            return false;
        }
    }

    private static RtpRelayLimits Limits(MaskingWorkerOptions o) => new(o.MaxPacketBytes, o.LateThresholdMs, o.SourceLearningWindow, o.MaxPacketsPerSecondPerCall);

    public async Task StopAsync(string callId)
    {
        if (_relays.TryRemove(callId, out var relay))
        {
            var port = relay.Port;
            await relay.DisposeAsync().ConfigureAwait(false);
            _ports.Release(port);
            LogStopped(logger, callId);
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var callId in _relays.Keys.ToList())
        {
            await StopAsync(callId).ConfigureAwait(false);
        }

        _syncLock.Dispose();
    }

    [LoggerMessage(EventId = 2401, Level = LogLevel.Information, Message = "Call {CallId}: RTP relay listening on port {Port}")]
    private static partial void LogStarted(ILogger logger, string callId, int port);

    [LoggerMessage(EventId = 2402, Level = LogLevel.Information, Message = "Call {CallId}: RTP relay stopped")]
    private static partial void LogStopped(ILogger logger, string callId);

    [LoggerMessage(EventId = 2403, Level = LogLevel.Warning, Message = "Call {CallId}: not carried here: {Reason}")]
    private static partial void LogRefused(ILogger logger, string callId, string reason);
}
