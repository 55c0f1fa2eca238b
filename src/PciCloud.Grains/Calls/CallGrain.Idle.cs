using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PciCloud.Contracts.Calls;
using PciCloud.Contracts.Tenants;

namespace PciCloud.Grains.Calls;

/// <summary>
/// Calls that carry no media end by themselves (issue 13 part 3): registered and never used for the tenant's
/// <c>unusedTimeoutSeconds</c>, or silent for its <c>idleTimeoutSeconds</c> after media flowed. The worker's
/// evidence reports carry the audio taken so far (at least every 10 s of audio); a grain timer, kept alive with
/// the call, checks the deadline on the media clock (a TimeProvider keyed <see cref="MediaClockKey"/> when one is
/// registered, which tests move; else the silo's). Ending releases the port like an API end.
/// </summary>
public sealed partial class CallGrain
{
    public const string MediaClockKey = "pcicloud.calls.media-clock";

    /// <summary>How often an active call looks at its deadline (real time): the end comes at most this late.</summary>
    public static readonly TimeSpan MediaCheckPeriod = TimeSpan.FromSeconds(5);

    private IGrainTimer? _mediaTimer;

    private TimeProvider MediaClock => ServiceProvider.GetKeyedService<TimeProvider>(MediaClockKey) ?? time;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (Exists && state.State.Status == CallView.Active)
        {
            ArmMediaTimer(); // a reactivated call keeps its deadlines (they are in its state)
        }

        return base.OnActivateAsync(cancellationToken);
    }

    private void WatchMediaFrom(CallStart start)
    {
        state.State.IdleTimeoutSeconds = start.IdleTimeoutSeconds;
        state.State.UnusedTimeoutSeconds = start.UnusedTimeoutSeconds;
        state.State.MediaWatchSince = MediaClock.GetUtcNow();
        ArmMediaTimer();
    }

    private void MediaReported(MaskingSummary summary)
    {
        if (summary.AudioMs > (state.State.Masking?.AudioMs ?? 0))
        {
            state.State.LastMediaAt = MediaClock.GetUtcNow();
        }
    }

    private void ArmMediaTimer() =>
        _mediaTimer ??= this.RegisterGrainTimer(
            CheckMediaAsync, new GrainTimerCreationOptions(MediaCheckPeriod, MediaCheckPeriod) { KeepAlive = true, Interleave = false });

    private void StopWatchingMedia()
    {
        _mediaTimer?.Dispose();
        _mediaTimer = null;
    }

    private async Task CheckMediaAsync(CancellationToken cancellationToken)
    {
        if (!Exists || state.State.Status != CallView.Active)
        {
            StopWatchingMedia();
            return;
        }

        var s = state.State;
        var (reason, deadline) = s.LastMediaAt is { } last
            ? (CallEndReasons.Idle, last + TimeSpan.FromSeconds(Positive(s.IdleTimeoutSeconds, TenantMediaPolicy.DefaultIdleTimeoutSeconds)))
            : (CallEndReasons.Unused, (s.MediaWatchSince == default ? s.StartedAt : s.MediaWatchSince) + TimeSpan.FromSeconds(Positive(s.UnusedTimeoutSeconds, TenantMediaPolicy.DefaultUnusedTimeoutSeconds)));
        if (MediaClock.GetUtcNow() >= deadline)
        {
            LogEndedWithoutMedia(reason);
            await EndAsync(reason);
        }
    }

    // Calls stored before the policy was acted on have 0: they get the defaults.
    private static int Positive(int seconds, int fallback) => seconds > 0 ? seconds : fallback;

    [LoggerMessage(Level = LogLevel.Information, Message = "Call ended by itself: {Reason} (no media within the tenant's timeout)")]
    private partial void LogEndedWithoutMedia(string reason);
}
