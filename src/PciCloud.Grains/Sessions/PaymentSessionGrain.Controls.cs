using PciCloud.Contracts.Sessions;

namespace PciCloud.Grains.Sessions;

/// <summary>
/// Per-session controls as the grain runs them: the input timeout (a one-shot timer at the capturing
/// field's deadline, and a check before every command) and a bank session's confirmation.
/// </summary>
public sealed partial class PaymentSessionGrain
{
    private IGrainTimer? _inputTimer;

    public Task<SessionReply> ConfirmAsync(string confirmation) => CommandAsync(s => s.Confirm(confirmation));

    /// <summary>A field whose input timeout ran out is marked input_timeout (and published) before anything else happens.</summary>
    private async Task ObserveInputTimeoutAsync()
    {
        if (_session is not null && _session.TimeOutInputIfDue())
        {
            await AfterChangeAsync();
        }
    }

    private async Task OnInputTimerAsync()
    {
        var version = state.State.Version;
        await ObserveInputTimeoutAsync();
        if (state.State.Version == version)
        {
            ArmInputTimer(); // a timer may fire a little before the deadline by the clock: wait for the rest
        }
    }

    /// <summary>After every change: wake up at the capturing field's deadline (none without a timeout or capture).</summary>
    private void ArmInputTimer()
    {
        _inputTimer?.Dispose();
        _inputTimer = null;
        if (_session?.InputDeadline is not { } deadline)
        {
            return;
        }

        var due = deadline - time.GetUtcNow();
        _inputTimer = this.RegisterGrainTimer(OnInputTimerAsync, due < TimeSpan.Zero ? TimeSpan.Zero : due, Timeout.InfiniteTimeSpan);
    }
}
