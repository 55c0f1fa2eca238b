using Microsoft.Extensions.Logging;
using PciCloud.Payments.Gateways;
using PciCloud.Payments.Sessions;

namespace PciCloud.Grains.Sessions;

/// <summary>
/// A submit whose outcome is unknown (the gateway did not answer, or the silo died mid-request) is asked about by
/// its idempotency key until the gateway gives a definite answer: quick retries on a timer (1 s, doubling to 1 min)
/// while the grain is active, and a reminder that outlives the silo. "Not found" means "not charged" only once the
/// gateway's search lag is over; after a day without an answer the session fails, telling the agent to check the
/// gateway before taking the payment again. A session never stays submitting or reconciling forever.
/// </summary>
public sealed partial class PaymentSessionGrain : IRemindable
{
    /// <summary>Stripe's search may lag its charges by up to a minute; twice that, to be sure.</summary>
    public static readonly TimeSpan SearchLag = TimeSpan.FromMinutes(2);

    public static readonly TimeSpan GiveUpAfter = TimeSpan.FromHours(24);

    private const string ReconcileReminder = "reconcile";
    private static readonly TimeSpan FirstRetry = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan MaxRetry = TimeSpan.FromMinutes(1);
    private IGrainTimer? _reconcileTimer;
    private TimeSpan _nextRetry = FirstRetry;
    private bool _reminderSet;

    public Task ReceiveReminder(string reminderName, TickStatus status) =>
        reminderName == ReconcileReminder ? ReconcileAsync(CancellationToken.None) : Task.CompletedTask;

    private async Task ReconcileAsync(CancellationToken ct)
    {
        if (_session is not { Status: SessionStatus.Submitting or SessionStatus.Reconciling } session)
        {
            await StopReconcilingAsync();
            return;
        }

        var elapsed = time.GetUtcNow() - (state.State.SubmittedAt ?? session.LastActivityAt);
        SessionResult result;
        if (elapsed >= GiveUpAfter)
        {
            result = session.CompleteSubmit(new SessionOutcome(GatewayOutcome.Error)
            {
                ErrorCode = SessionFailureCodes.OutcomeUnknown,
                Message = "The gateway never confirmed this payment: check the gateway's records before taking it again.",
            });
        }
        else
        {
            result = await AskGatewayAsync(session, notFoundIsFinal: elapsed >= SearchLag, ct);
        }

        if (result.IsAccepted)
        {
            LogReconciled(SessionViews.Lower(session.Status));
            await AfterChangeAsync();
        }

        await (session.IsFinal ? StopReconcilingAsync() : KeepReconcilingAsync());
    }

    private async Task<SessionResult> AskGatewayAsync(PaymentSession session, bool notFoundIsFinal, CancellationToken ct)
    {
        var create = state.State.Create!;
        try
        {
            var gateway = await gateways.ForTenantAsync(create.TenantId, create.GatewayKind, ct);
            return gateway is null
                ? SessionResult.Refused(SessionRefusalCodes.GatewayUnavailable)
                : await PaymentSessionSubmitter.ReconcileAsync(session, gateway, IdempotencyKey, ct, notFoundIsFinal);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogGatewayFailed(e.GetType().Name);
            return session.Status == SessionStatus.Submitting ? session.MarkOutcomeUnknown() : SessionResult.Refused(SessionRefusalCodes.GatewayUnavailable);
        }
    }

    private async Task KeepReconcilingAsync()
    {
        if (!_reminderSet)
        {
            await this.RegisterOrUpdateReminder(ReconcileReminder, MaxRetry, MaxRetry);
            _reminderSet = true;
        }

        _reconcileTimer?.Dispose();
        _reconcileTimer = this.RegisterGrainTimer(() => ReconcileAsync(CancellationToken.None),
            new GrainTimerCreationOptions { DueTime = _nextRetry, Period = Timeout.InfiniteTimeSpan, KeepAlive = true });
        _nextRetry = TimeSpan.FromTicks(Math.Min(_nextRetry.Ticks * 2, MaxRetry.Ticks));
    }

    private async Task StopReconcilingAsync()
    {
        _reconcileTimer?.Dispose();
        _reconcileTimer = null;
        if (await this.GetReminder(ReconcileReminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }

        _reminderSet = false;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Session reconciled with the gateway: {Status}")]
    private partial void LogReconciled(string status);
}
