using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using PciCloud.Contracts.Calls;
using PciCloud.Contracts.Sessions;
using PciCloud.Grains.Gateways;
using PciCloud.Payments.Money;
using PciCloud.Payments.Sessions;
using SessionResult = PciCloud.Payments.Sessions.SessionResult;
using ContractView = PciCloud.Contracts.Sessions.PaymentSessionView;
using MaskedView = PciCloud.Payments.Sessions.PaymentSessionView;

namespace PciCloud.Grains.Sessions;

/// <summary>
/// Hosts one payment session. Card data exists only in <see cref="_session"/>'s buffers in this
/// activation; the persisted state is the masked view. Lost activation: open sessions come back
/// capturing with the lost fields empty (and say so); a session lost while submitting is reconciled
/// with the gateway by its idempotency key. Submit is charged at most once: the grain handles one
/// call at a time, and the gateway gets the same key on every attempt.
/// </summary>
public sealed partial class PaymentSessionGrain(
    [PersistentState("payment-session", GrainStorage.Name)] IPersistentState<PaymentSessionState> state,
    IGrainFactory grains,
    IGatewayResolver gateways,
    TimeProvider time,
    RegionMetrics metrics,
    ILogger<PaymentSessionGrain> logger) : Grain, IPaymentSessionGrain
{
    private static readonly TimeSpan ExpiryCheck = TimeSpan.FromSeconds(15);
    private PaymentSession? _session;
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private bool _notifiedCapturing;
    private string? _lastWebhookStatus;
    private SessionStatus? _persistedStatus; // the status in the state last written or read: no need to search its JSON

    private string IdempotencyKey => $"{this.GetPrimaryKeyString()}:submit";

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (state.State.ViewJson is not { } json || state.State.Create is not { } create)
        {
            return;
        }

        var view = JsonSerializer.Deserialize<MaskedView>(json)!;
        _persistedStatus = view.Status;
        _session = PaymentSession.Restore(view, SessionOptionsFactory.For(create), time);
        if (_session.ToView().Fields.Any(f => f.Lost) && !state.State.CaptureInterrupted)
        {
            state.State.CaptureInterrupted = true;
            LogRestoredWithLostFields();
        }

        if (_session.Status is SessionStatus.Submitting or SessionStatus.Reconciling)
        {
            await ReconcileAsync(cancellationToken);
        }

        await RegisterResultObjectsAsync();
        StartExpiryTimer();
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        _session?.WipeCardData();
        _session = null;
        return Task.CompletedTask;
    }

    public async Task<SessionReply> CreateAsync(SessionCreate create)
    {
        if (state.State.Create is not null)
        {
            return SessionReply.Refused("invalid_state", "The session already exists.");
        }

        var amount = create.Amount is { } minor && Currency.TryParse(create.Currency, out var currency) ? new MoneyAmount(minor, currency) : (MoneyAmount?)null;
        _session = new PaymentSession(this.GetPrimaryKeyString(), Enum.Parse<PaymentIntent>(create.Intent, ignoreCase: true),
            amount, SessionOptionsFactory.For(create), time);
        if (create.Description is not null || create.Reference is not null)
        {
            var details = _session.UpdateDetails(description: create.Description, reference: create.Reference);
            if (!details.IsAccepted)
            {
                _session = null;
                return SessionReply.Refused(details.Reason!, "description or reference is not acceptable.");
            }
        }

        state.State.Create = create;
        await PersistAsync();
        metrics.SessionOpened();
        StartExpiryTimer();
        return SessionReply.Success(View());
    }

    public async Task<ContractView?> GetAsync()
    {
        _session?.ExpireIfDue();
        await ObserveInputTimeoutAsync();
        return _session is null ? null : View();
    }

    public Task<SessionReply> PatchAsync(SessionPatch patch) => CommandAsync(s =>
    {
        MoneyAmount? amount = null;
        if (patch.Amount is not null || patch.Currency is not null)
        {
            var code = patch.Currency ?? s.Amount?.Currency.Code ?? state.State.Create!.Currency;
            if (!Currency.TryParse(code, out var currency) || (patch.Amount ?? s.Amount?.MinorUnits) is not { } minor)
            {
                return PaymentSessionResults.Refuse("invalid_currency");
            }

            amount = new MoneyAmount(minor, currency);
        }

        var result = s.UpdateDetails(amount, patch.Description, patch.Reference);
        result = result.IsAccepted && patch.PostalCode is not null ? s.SetPostalCode(patch.PostalCode) : result;
        return result.IsAccepted && patch.AccountType is not null ? s.SetAccountType(patch.AccountType) : result;
    });

    public Task<SessionReply> CaptureAsync(string field) =>
        CommandAsync(s => ForgetLostDigits(CardFieldNames.TryParse(field, out var f) ? s.StartCapture(f) : PaymentSessionResults.Refuse(SessionRefusalCodes.FieldNotConfigured)));

    public Task<SessionReply> ResetAsync(string field) =>
        CommandAsync(s => ForgetLostDigits(CardFieldNames.TryParse(field, out var f) ? s.Reset(f) : PaymentSessionResults.Refuse(SessionRefusalCodes.FieldNotConfigured)));

    public Task<SessionReply> CancelAsync() => CommandAsync(s => s.Cancel());

    public Task CallEndedAsync() => _session is { IsOpen: true } ? CommandAsync(s => s.Cancel()) : Task.CompletedTask;

    public async Task<DigitOutcome> AcceptDigitAsync(char key)
    {
        await ObserveInputTimeoutAsync(); // a key after the timeout is not part of the timed-out entry
        if (_session is null || _session.CapturingField is null)
        {
            return DigitOutcome.NotCapturing;
        }

        var result = _session.AppendDigit(key);
        if (!result.IsAccepted)
        {
            return DigitOutcome.NotCapturing;
        }

        await AfterChangeAsync();
        return DigitOutcome.Accepted;
    }

    public async Task<SessionReply> SubmitAsync()
    {
        if (_session is null)
        {
            return SessionReply.Refused("not_found", "No such session.");
        }

        if (_session.Status is SessionStatus.Succeeded or SessionStatus.Failed or SessionStatus.Reconciling)
        {
            return SessionReply.Success(View()); // a repeated submit replays the persisted result (or says it is still unknown)
        }

        var create = state.State.Create!;
        var gateway = await gateways.ForTenantAsync(create.TenantId, create.GatewayKind);
        if (gateway is null)
        {
            return SessionReply.Refused(SessionRefusalCodes.GatewayUnavailable, "The tenant's gateway is not configured.");
        }

        var started = Stopwatch.GetTimestamp();
        state.State.SubmittedAt = time.GetUtcNow(); // persisted with "submitting", before the card request leaves
        var guarded = new SubmitGuardGateway(gateway, PersistAsync);
        SessionResult result;
        try
        {
            result = await PaymentSessionSubmitter.SubmitAsync(_session, guarded, IdempotencyKey, CancellationToken.None);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            metrics.GatewayError(create.GatewayKind);
            LogGatewayFailed(e.GetType().Name);
            await ReconcileAsync(CancellationToken.None);
            return SessionReply.Success(View());
        }

        if (!result.IsAccepted)
        {
            return PaymentSessionResults.ToReply(result, View);
        }

        if (_session.Status == SessionStatus.Reconciling)
        {
            // The gateway did not confirm either way: never "nothing charged", never a second charge; ask until it knows.
            metrics.GatewayError(create.GatewayKind);
            await AfterChangeAsync();
            await KeepReconcilingAsync();
            return SessionReply.Success(View());
        }

        var outcome = _session.Outcome?.Outcome.ToString().ToLowerInvariant() ?? "unknown";
        metrics.Submitted(Stopwatch.GetElapsedTime(started), outcome);
        if (outcome == "error")
        {
            metrics.GatewayError(create.GatewayKind);
        }

        await AfterChangeAsync(); // the result is persisted before it is returned
        return SessionReply.Success(View());
    }

    public async Task<ContractView?> WaitForChangeAsync(long knownVersion, TimeSpan maxWait)
    {
        if (_session is null)
        {
            return null;
        }

        if (state.State.Version <= knownVersion)
        {
            await Task.WhenAny(_changed.Task, Task.Delay(maxWait, time));
        }

        return View();
    }

    private async Task<SessionReply> CommandAsync(Func<PaymentSession, SessionResult> command)
    {
        if (_session is null)
        {
            return SessionReply.Refused("not_found", "No such session.");
        }

        await ObserveInputTimeoutAsync();
        var result = command(_session);
        if (!result.IsAccepted)
        {
            // An expiry noticed by the command is a change worth persisting.
            if (_session.Status == SessionStatus.Expired && _persistedStatus != SessionStatus.Expired)
            {
                await AfterChangeAsync();
            }

            return PaymentSessionResults.ToReply(result, View);
        }

        await AfterChangeAsync();
        return SessionReply.Success(View());
    }

    private void StartExpiryTimer() => this.RegisterGrainTimer(async () =>
    {
        if (_session is not null && _session.ExpireIfDue())
        {
            await AfterChangeAsync();
        }

        await RegisterResultObjectsAsync(); // a retry, if the first registration failed
    }, ExpiryCheck, ExpiryCheck);

    private async Task AfterChangeAsync()
    {
        if (_session!.IsFinal)
        {
            state.State.FinishedAt ??= time.GetUtcNow();
        }

        await PersistAsync();
        await NotifyCaptureAsync();
        await RegisterResultObjectsAsync(); // before the webhook: a tenant that reacts to it finds the payment
        await RaiseWebhookAsync();
        if (_session!.IsFinal && !state.State.CallNotified)
        {
            var v = View();
            var card = v.Fields.GetValueOrDefault("card_number");
            // One-way: the call may be waiting for this session right now (a key press); awaiting it would be a cycle.
            await grains.GetGrain<ICallGrain>(state.State.Create!.CallId).SessionFinishedAsync(new SessionOutcomeSummary(
                v.Id, v.Status, v.Result?.Outcome, v.Amount, v.Currency, card?.Brand, card?.Last4, v.Result?.DeclineCode));
            state.State.CallNotified = true;
            await state.WriteStateAsync();
            metrics.SessionClosed(v.Status);
        }

        var changed = _changed;
        _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        changed.TrySetResult();
        ArmInputTimer();
    }

    /// <summary>Tells the call when capturing starts or stops: the worker's masker is sensitive from the capture request on.</summary>
    private async Task NotifyCaptureAsync()
    {
        var capturing = _session!.CapturingField is not null;
        if (capturing != _notifiedCapturing)
        {
            await grains.GetGrain<ICallGrain>(state.State.Create!.CallId).SessionCaptureChangedAsync(this.GetPrimaryKeyString(), capturing);
            _notifiedCapturing = capturing;
        }
    }

    private async Task PersistAsync()
    {
        var view = _session!.ToView();
        state.State.ViewJson = JsonSerializer.Serialize(view);
        state.State.Version++;
        await state.WriteStateAsync();
        _persistedStatus = view.Status;
    }

    private ContractView View() => SessionViews.ToContract(_session!.ToView(), state.State);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Session restored after a lost activation: captured fields must be keyed again")]
    private partial void LogRestoredWithLostFields();

    [LoggerMessage(Level = LogLevel.Error, Message = "Gateway call failed with {ExceptionType}; reconciling")]
    private partial void LogGatewayFailed(string exceptionType);

}
