using System.Security.Cryptography;
using PciCloud.Contracts.Calls;
using PciCloud.Contracts.Media;
using PciCloud.Contracts.Reports;
using PciCloud.Contracts.Sip;
using PciCloud.Contracts.Tenants;

namespace PciCloud.Grains.Sip;

/// <summary>
/// A SIP call on one worker (key: worker id / SIP call-id). The first open makes the PciCloud call
/// exactly as <c>POST /v1/calls</c> does (the tenant must live in this region, the directory's capacity
/// rules reserve the ports, the CallGrain and the report index get it) with the SIP call-id as its
/// external id; a retried or repeated open (re-INVITE) gets the same call and ports.
/// </summary>
public sealed class SipCallGrain(
    [PersistentState("sip-call", GrainStorage.Name)] IPersistentState<SipCallState> state,
    IGrainFactory grains) : Grain, ISipCallGrain
{
    public async Task<SipCallOpened> OpenAsync(SipCallOpen open)
    {
        if (state.State.CallId is { } existing && await grains.GetGrain<ICallGrain>(existing).GetAsync() is { Status: CallView.Active })
        {
            return Opened();
        }

        // Tenants live only in their own region's storage: another region's tenant is unknown here.
        if (await grains.GetGrain<ITenantGrain>(open.TenantId).GetAsync() is not { } tenant)
        {
            return new SipCallOpened(SipCallOpened.UnknownTenant);
        }

        var callId = Ids.New("call");
        var directory = grains.GetGrain<IMediaWorkerDirectoryGrain>(IMediaWorkerDirectoryGrain.Key);
        if (await directory.ReserveSipMedia(callId, open.WorkerId) is not { } media)
        {
            return new SipCallOpened(SipCallOpened.NoMediaCapacity);
        }

        // A SIP call has no media token: a hash of a secret nobody holds, so no WebSocket can attach to it.
        var tokenHash = Convert.ToHexStringLower(SHA256.HashData(RandomNumberGenerator.GetBytes(32)));
        var request = new CallMediaRequest("sip", open.Codec.ToUpperInvariant(), null, null, open.ExpectFrom);
        var view = await grains.GetGrain<ICallGrain>(callId)
            .StartAsync(new CallStart(tenant.Id, open.SipCallId, null, null, request, media.Reservation, tokenHash));
        await grains.GetGrain<ITenantCallIndexGrain>(tenant.Id).AddAsync(new CallIndexEntry(callId, view.StartedAt));
        await grains.GetGrain<ICallExternalIdIndexGrain>(ICallExternalIdIndexGrain.KeyOf(tenant.Id, open.SipCallId)).AddAsync(callId);

        state.State.CallId = callId;
        state.State.RtpHost = media.Reservation.RtpHost;
        state.State.CalleeFacingPort = media.Reservation.RtpPort!.Value;
        state.State.CallerFacingPort = media.SecondPort;
        await state.WriteStateAsync();
        return Opened();
    }

    public async Task CloseAsync()
    {
        if (state.State.CallId is not { } callId)
        {
            return;
        }

        // Ending the call releases its ports in the directory.
        await grains.GetGrain<ICallGrain>(callId).EndAsync();
        await state.ClearStateAsync();
        DeactivateOnIdle();
    }

    private SipCallOpened Opened() =>
        new(null, state.State.RtpHost, state.State.CalleeFacingPort, state.State.CallerFacingPort, state.State.CallId);
}
