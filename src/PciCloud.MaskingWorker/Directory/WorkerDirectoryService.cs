using System.Diagnostics;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;
using PciCloud.MaskingWorker.Addressing;
using PciCloud.MaskingWorker.Hosting;
using PciCloud.MaskingWorker.Rtp;
using PciCloud.MaskingWorker.Streams;

namespace PciCloud.MaskingWorker.Directory;

/// <summary>
/// Keeps this worker in its region's directory: registers, heartbeats, brings its RTP relays in
/// line with the calls assigned to it, and sends changed masking evidence. A worker that stops
/// heartbeating is dropped by the directory, so new calls go elsewhere. On stop (SIGTERM) it drains:
/// it tells the directory at once (no new calls), keeps carrying and masking its calls until they end
/// or <see cref="MaskingWorkerOptions.DrainTimeout"/> runs out, reports their evidence, then leaves.
/// </summary>
public sealed partial class WorkerDirectoryService(
    IOptions<MaskingWorkerOptions> options,
    AdvertisedRtpHostResolver rtpHostResolver,
    IWorkerDirectory directory,
    RtpRelayManager relays,
    MediaSessionRegistry sessions,
    IServer server,
    IHostApplicationLifetime lifetime,
    ILogger<WorkerDirectoryService> logger) : BackgroundService
{
    private bool _registered;
    private volatile bool _draining;

    /// <summary>True once the worker has begun to stop: not ready, no new calls, its calls carried on.</summary>
    public bool Draining => _draining;

    /// <summary>Completes after the first successful registration (tests and the local stack wait on it).</summary>
    public Task Registered => _registeredSignal.Task;

    private readonly TaskCompletionSource _registeredSignal = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private readonly Lock _rtpHostLock = new();
    private Task<string>? _rtpHost;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // The announcement carries the server's address, known only once the server listens.
        await WhenStartedAsync(stoppingToken);
        try
        {
            await RtpHostAsync(stoppingToken);
        }
        catch (AdvertisedRtpHostUnavailableException ex)
        {
            // Fail rather than advertise a wrong address: the process stops (Kubernetes restarts it),
            // and until then /health says not ready.
            LogNoRtpHost(logger, ex.Message);
            lifetime.StopApplication();
            return;
        }

        using var timer = new PeriodicTimer(options.Value.HeartbeatInterval);
        do
        {
            try
            {
                await BeatAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                _registered = false;
                LogDirectoryUnreachable(logger, ex.GetType().Name);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await DrainAsync(cancellationToken);
        await base.StopAsync(cancellationToken);
        try
        {
            await directory.UnregisterAsync(options.Value.WorkerId, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogDirectoryUnreachable(logger, ex.GetType().Name);
        }

        await relays.DisposeAsync();
    }

    /// <summary>
    /// Says "draining" to the directory, then waits (the heartbeat loop still running: ended calls are
    /// stopped, evidence reported) until no stream is left or the drain timeout or the host's own
    /// shutdown deadline passes. Streams still open then are cut by the stop that follows.
    /// </summary>
    private async Task DrainAsync(CancellationToken cancellationToken)
    {
        _draining = true;
        var started = Stopwatch.GetTimestamp();
        LogDraining(logger, sessions.Count);
        try
        {
            await BeatAsync(cancellationToken); // at once, not on the next tick: no new call may come here
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogDirectoryUnreachable(logger, ex.GetType().Name);
        }

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(options.Value.DrainTimeout);
        using var poll = new PeriodicTimer(TimeSpan.FromMilliseconds(100));
        try
        {
            while (sessions.Count > 0 && await poll.WaitForNextTickAsync(deadline.Token))
            {
            }
        }
        catch (OperationCanceledException)
        {
            // The drain timeout (or the host's deadline) passed: what is left is cut.
        }

        LogDrained(logger, sessions.Count, Stopwatch.GetElapsedTime(started).TotalSeconds);
    }

    /// <summary>One round: (re)register or heartbeat, sync the relays, report evidence.</summary>
    public async Task BeatAsync(CancellationToken cancellationToken)
    {
        var workerId = options.Value.WorkerId;
        if (!_registered || !await directory.HeartbeatAsync(workerId, sessions.Count, Draining, cancellationToken))
        {
            await directory.RegisterAsync(Announcement(await RtpHostAsync(cancellationToken)), cancellationToken);
            _registered = true;
            LogRegistered(logger, workerId);

            // At once, not a round later: the observer through which new calls are pushed, and whether it drains.
            // Only then is the worker ready: a call started on it from now on reaches it before its first packet.
            await directory.HeartbeatAsync(workerId, sessions.Count, Draining, cancellationToken);
            _registeredSignal.TrySetResult();
        }

        var listedAt = Stopwatch.GetTimestamp();
        var assigned = await directory.GetAssignedRtpCallsAsync(workerId, cancellationToken);
        await relays.SyncAsync(assigned, listedAt, cancellationToken);
        foreach (var session in sessions.Sessions)
        {
            await session.WatchCaptureIfDueAsync(cancellationToken);
            await session.ReportIfChangedAsync(cancellationToken);
        }
    }

    private async Task WhenStartedAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var onStarted = lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        await started.Task.WaitAsync(stoppingToken);
    }

    /// <summary>Resolved once; a failed resolution stays failed, so the worker never registers with a guess.</summary>
    private Task<string> RtpHostAsync(CancellationToken cancellationToken)
    {
        lock (_rtpHostLock)
        {
            return _rtpHost ??= rtpHostResolver.ResolveAsync(cancellationToken);
        }
    }

    private WorkerAnnouncement Announcement(string rtpHost)
    {
        var o = options.Value;
        return new WorkerAnnouncement(o.WorkerId, rtpHost, o.RtpPortStart, o.RtpPortEnd, WebSocketBaseUrl(), o.MaxStreams);
    }

    private string WebSocketBaseUrl()
    {
        if (!string.IsNullOrEmpty(options.Value.WebSocketBaseUrl))
        {
            return options.Value.WebSocketBaseUrl;
        }

        // Never announce an address without its real port (a worker nobody can reach): fail this round,
        // and the next one announces the address once the server has it.
        var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
        if (address is null || !Uri.TryCreate(address, UriKind.Absolute, out var uri) || uri.Port <= 0 || !HasExplicitPort(address, uri))
        {
            throw new InvalidOperationException($"The worker's listening address is not known yet ({address ?? "none"}).");
        }

        return address.Replace("https://", "wss://", StringComparison.Ordinal).Replace("http://", "ws://", StringComparison.Ordinal);
    }

    private static bool HasExplicitPort(string address, Uri uri) =>
        address.Contains(":" + uri.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);

    [LoggerMessage(EventId = 2601, Level = LogLevel.Information, Message = "Worker {WorkerId} registered with the region's directory")]
    private static partial void LogRegistered(ILogger logger, string workerId);

    [LoggerMessage(EventId = 2603, Level = LogLevel.Critical, Message = "The worker does not register and stops: {Reason}")]
    private static partial void LogNoRtpHost(ILogger logger, string reason);

    [LoggerMessage(EventId = 2604, Level = LogLevel.Information, Message = "Worker stopping: draining {Streams} stream(s); no new calls")]
    private static partial void LogDraining(ILogger logger, int streams);

    [LoggerMessage(EventId = 2605, Level = LogLevel.Information, Message = "Drain over after {Seconds:0.0} s; {Left} stream(s) still open are cut")]
    private static partial void LogDrained(ILogger logger, int left, double seconds);

    [LoggerMessage(EventId = 2602, Level = LogLevel.Warning, Message = "The region's directory could not be reached ({Error}); retrying")]
    private static partial void LogDirectoryUnreachable(ILogger logger, string error);
}
