using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using PciCloud.Contracts.Calls;
using PciCloud.Contracts.Media;
using PciCloud.Contracts.Sessions;
using PciCloud.Contracts.Webhooks;
using PciCloud.Grains.Certificates;
using PciCloud.Grains.Webhooks;

namespace PciCloud.Grains.Calls;

/// <summary>
/// One call: its status and media, the payment sessions started on it, the worker's masking
/// evidence, and the routing of each key press to the session capturing a field.
/// </summary>
public sealed partial class CallGrain(
    [PersistentState("call", GrainStorage.Name)] IPersistentState<CallState> state,
    IGrainFactory grains,
    TimeProvider time,
    RegionMetrics metrics,
    IMaskingCertificateSigner signer,
    ILogger<CallGrain> logger) : Grain, ICallGrain
{
    // The call's SRTP keys live in this activation's memory only, never in state: a reactivated grain
    // has lost them, and then GetMediaSettings reports the call inactive so no worker carries it in clear.
    private CallSrtpKeys? _srtp;

    private bool Exists => state.State.TenantId is not null;

    public async Task<CallView> StartAsync(CallStart start)
    {
        if (!Exists)
        {
            state.State.TenantId = start.TenantId;
            state.State.ExternalId = start.ExternalId;
            state.State.From = start.From;
            state.State.To = start.To;
            state.State.Media = start.Media;
            state.State.Reservation = start.Reservation;
            state.State.MediaTokenSha256 = start.MediaTokenSha256;
            state.State.UsesSrtp = start.Srtp is not null;
            _srtp = start.Srtp;
            state.State.StartedAt = time.GetUtcNow();
            await state.WriteStateAsync();
            metrics.CallStarted();
            await TellWorkerAsync();
        }

        return View();
    }

    public Task<CallView?> GetAsync() => Task.FromResult(Exists ? View() : null);

    public async Task<CallView?> EndAsync()
    {
        if (!Exists)
        {
            return null;
        }

        if (state.State.Status == CallView.Active)
        {
            if (state.State.OpenSessionId is { } open)
            {
                // The customer is gone: the session cannot capture any more; cancelling wipes its card data. One-way:
                // the session may be at the gateway, and it tells this call when it is final (a wait here was a cycle).
                await grains.GetGrain<IPaymentSessionGrain>(open).CallEndedAsync();
            }

            state.State.Status = CallView.Ended;
            state.State.EndedAt = time.GetUtcNow();
            _srtp = null;
            await state.WriteStateAsync();
            await grains.GetGrain<IMediaWorkerDirectoryGrain>(IMediaWorkerDirectoryGrain.Key).ReleaseMedia(this.GetPrimaryKeyString());
            metrics.CallEnded();
            await grains.GetGrain<IWebhookGrain>(state.State.TenantId!).EnqueueAsync(WebhookEventTypes.CallEnded, WebhookData.Call(View()));
            await CallEndedForCertificateAsync();
        }

        return View();
    }

    public Task<MediaSettings?> GetMediaSettings() => Task.FromResult(Settings());

    private MediaSettings? Settings()
    {
        if (!Exists || state.State.Media is not { } m || state.State.Reservation is not { } r)
        {
            return null;
        }

        var srtpKeysLost = state.State.UsesSrtp && _srtp is null;
        return new MediaSettings(
            this.GetPrimaryKeyString(), state.State.TenantId!, m.Transport, m.Codec, m.ForwardTo, m.RecordTo,
            m.ExpectFrom, r.WorkerId, r.RtpPort, state.State.MediaTokenSha256!, state.State.Status == CallView.Active && !srtpKeysLost, _srtp);
    }

    public Task<bool> ValidateMediaToken(string token)
    {
        if (!Exists || state.State.Status != CallView.Active || string.IsNullOrEmpty(token))
        {
            return Task.FromResult(false);
        }

        var presented = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
        return Task.FromResult(CryptographicOperations.FixedTimeEquals(
            Encoding.ASCII.GetBytes(presented), Encoding.ASCII.GetBytes(state.State.MediaTokenSha256!)));
    }

    public async Task ReportMaskingSummary(MaskingSummary summary)
    {
        if (!Exists)
        {
            return;
        }

        if (state.State.Masking?.Final == true && !summary.Final)
        {
            return; // a report that crossed the worker's last one: the last one stands
        }

        state.State.Masking = summary;
        CountLostKeyPresses(summary.LostSequences);
        await TellSessionOfLostDigitsAsync();
        await state.WriteStateAsync();
        if (summary.Leaks > 0)
        {
            LogLeak(summary.Leaks);
        }

        if (summary.Final && state.State.Status == CallView.Ended && state.State.Certificate is null)
        {
            await TryIssueFinalCertificateAsync();
        }
    }

    public Task<MaskingSummary?> GetMaskingSummaryAsync() =>
        Task.FromResult(Exists ? state.State.Masking ?? new MaskingSummary(0, [], 0, 0, []) : null);

    public async Task<bool> OpenSessionAsync(string sessionId)
    {
        if (!Exists || state.State.Status != CallView.Active)
        {
            return false;
        }

        if (state.State.OpenSessionId is { } open && !await IsFinalAsync(open))
        {
            return false;
        }

        state.State.OpenSessionId = sessionId;
        state.State.SessionIds.Add(sessionId);
        state.State.DigitsLostUntold = 0; // a loss before this session is not its concern
        await state.WriteStateAsync();
        return true;
    }

    public async Task SessionFinishedAsync(SessionOutcomeSummary outcome)
    {
        if (!Exists)
        {
            return;
        }

        if (state.State.OpenSessionId == outcome.SessionId)
        {
            state.State.OpenSessionId = null;
            if (state.State.Capturing)
            {
                state.State.Capturing = false;
                NotifyCapture(false);
            }
        }

        state.State.LastOutcome = outcome;
        await state.WriteStateAsync();
    }

    /// <summary>
    /// The session's "finished" notice is one-way, so a silo lost in between could leave it unheard: asked here
    /// (the call may wait for its session, never the other way round) before another session is refused.
    /// </summary>
    private async Task<bool> IsFinalAsync(string sessionId)
    {
        // No view yet: the session is being created by the request that opened it.
        var view = await grains.GetGrain<IPaymentSessionGrain>(sessionId).GetAsync();
        if (view is null || view.Status is not ("succeeded" or "failed" or "cancelled" or "expired"))
        {
            return false;
        }

        state.State.OpenSessionId = null;
        return true;
    }

    public Task<CallReportRow?> GetReportRowAsync() => Task.FromResult(Exists ? CallReport.Row(this.GetPrimaryKeyString(), state.State) : null);

    private CallView View() => new(
        this.GetPrimaryKeyString(), state.State.TenantId!, state.State.ExternalId, state.State.Status,
        state.State.StartedAt, state.State.EndedAt, state.State.Media!, state.State.Reservation!,
        [.. state.State.SessionIds], state.State.OpenSessionId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Masking evidence reports {Leaks} leak(s) on this call")]
    private partial void LogLeak(int leaks);
}
