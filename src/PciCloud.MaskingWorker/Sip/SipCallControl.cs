using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using PciCloud.Contracts.Sip;
using PciCloud.MaskingWorker.Calls;
using PciCloud.MaskingWorker.Diagnostics;
using PciCloud.MaskingWorker.Hosting;
using PciCloud.MaskingWorker.Rtp;
using PciCloud.MaskingWorker.Streams;
using PciCloud.Signalling.Bencode;
using PciCloud.Signalling.Ng;
using PciCloud.Signalling.Sdp;

namespace PciCloud.MaskingWorker.Sip;

/// <summary>
/// The ng commands on this worker's SIP calls. An offer for a new call-id opens a PciCloud call in
/// the region (tenant check, two ports reserved on this worker) and starts its relay; an offer for a
/// known call-id (re-INVITE, from either side) only updates that side's address, on the same ports.
/// The answer fixes the codec and starts masking the customer's audio. Delete ends the call. One lock
/// serialises the commands: they are rare next to media, and each is a handful of grain calls.
/// </summary>
public sealed partial class SipCallControl(
    IOptions<MaskingWorkerOptions> options,
    ISipCallGateway region,
    MediaSessionRegistry sessions,
    RtpRelayManager relays,
    DestinationPolicy destinations,
    WorkerMetrics metrics,
    TimeProvider time,
    ILogger<SipCallControl> logger) : INgCallControl, IAsyncDisposable
{
    private readonly Dictionary<string, SipCall> _calls = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _lock = new(1, 1);

    public int Count => _calls.Count;

    /// <summary>The call with this SIP call-id, if this worker relays it (for tests and diagnostics).</summary>
    public SipCall? Find(string sipCallId)
    {
        _lock.Wait();
        try
        {
            return _calls.GetValueOrDefault(sipCallId);
        }
        finally
        {
            _lock.Release();
        }
    }

    public async Task<BencodeDictionary> OfferAsync(NgRequest request, CancellationToken cancellationToken)
    {
        await _lock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return _calls.TryGetValue(request.CallId!, out var call)
                ? Update(call, request, isAnswer: false)
                : await OpenAsync(request, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _lock.Release();
        }
    }

    public async Task<BencodeDictionary> AnswerAsync(NgRequest request, CancellationToken cancellationToken)
    {
        await _lock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var call = Known(request);
            call.ToTag ??= call.IsCaller(request.ToTag) ? null : request.ToTag;
            var reply = Update(call, request, isAnswer: true);
            await StartCustomerAsync(call).ConfigureAwait(false);
            return reply;
        }
        finally
        {
            _lock.Release();
        }
    }

    public async Task<BencodeDictionary> DeleteAsync(NgRequest request, CancellationToken cancellationToken)
    {
        SipCall? call;
        await _lock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            _calls.Remove(request.CallId!, out call);
        }
        finally
        {
            _lock.Release();
        }

        // Ports free here before the region may hand them out again; then the call is closed in the
        // region, also when this worker does not know it (it restarted since the offer).
        if (call is not null)
        {
            await StopAsync(call).ConfigureAwait(false);
        }

        await region.CloseAsync(options.Value.WorkerId, request.CallId!, cancellationToken).ConfigureAwait(false);
        if (call is null)
        {
            return request.HasFlag("fatal") ? throw new NgException("Unknown call-id") : NgFrame.Ok().Set("warning", "Call-ID not found");
        }

        LogDeleted(call.CallId);
        return SipCallQuery.Stats(call, NgFrame.Ok());
    }

    public async Task<BencodeDictionary> QueryAsync(NgRequest request, CancellationToken cancellationToken)
    {
        await _lock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return SipCallQuery.Stats(Known(request), NgFrame.Ok());
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <summary>Masking of the customer's key presses is always on: both commands are accepted and change nothing.</summary>
    public async Task<BencodeDictionary> BlockDtmfAsync(NgRequest request, bool block, CancellationToken cancellationToken)
    {
        await _lock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            Known(request);
            return block ? NgFrame.Ok() : NgFrame.Ok().Set("warning", "DTMF masking of the customer cannot be turned off");
        }
        finally
        {
            _lock.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var call in _calls.Values.ToList())
        {
            await StopAsync(call).ConfigureAwait(false);
        }

        _calls.Clear();
    }

    private async Task<BencodeDictionary> OpenAsync(NgRequest request, CancellationToken cancellationToken)
    {
        var tenant = request.TenantId ?? throw new NgException("No pcicloud-tenant in message");
        if (!TenantIdPattern().IsMatch(tenant))
        {
            throw new NgException("Malformed pcicloud-tenant");
        }

        var (_, offered) = Rewrite(request.Sdp!, IPAddress.Loopback, 0); // refuses what cannot be relayed before anything is reserved
        var offerer = PeerOf(offered, request) ?? throw new NgException("Offer SDP has no media address");
        var workerId = options.Value.WorkerId;
        var opened = await region.OpenAsync(
            new SipCallOpen(tenant, request.CallId!, workerId, offered.Codec, request.CustomerIsCallee ? null : offerer.SendTo.ToString()),
            cancellationToken).ConfigureAwait(false);
        if (opened.Error is not null || opened.CallId is null)
        {
            throw new NgException(opened.Error == SipCallOpened.UnknownTenant ? "Unknown tenant" : "No media capacity on this worker");
        }

        if (!IPAddress.TryParse(opened.RtpHost, out var workerAddress) || !relays.Ports.TryTake(opened.CalleeFacingPort))
        {
            await region.CloseAsync(workerId, request.CallId!, cancellationToken).ConfigureAwait(false);
            throw new NgException("Media ports not available on this worker");
        }

        if (!relays.Ports.TryTake(opened.CallerFacingPort))
        {
            relays.Ports.Release(opened.CalleeFacingPort);
            await region.CloseAsync(workerId, request.CallId!, cancellationToken).ConfigureAwait(false);
            throw new NgException("Media ports not available on this worker");
        }

        SipMediaRelay relay;
        try
        {
            relay = SipMediaRelay.Start(opened.CallId, IPAddress.Parse(options.Value.RtpBindAddress), opened.CalleeFacingPort,
                opened.CallerFacingPort, request.CustomerIsCallee, options.Value.MaxPacketBytes, metrics, logger);
        }
        catch (System.Net.Sockets.SocketException)
        {
            relays.Ports.Release(opened.CalleeFacingPort);
            relays.Ports.Release(opened.CallerFacingPort);
            await region.CloseAsync(workerId, request.CallId!, cancellationToken).ConfigureAwait(false);
            throw new NgException("Media ports not available on this worker");
        }

        var call = new SipCall(request.CallId!, opened.CallId, tenant, request.FromTag!, workerAddress, relay, time.GetUtcNow());
        _calls[call.SipCallId] = call;
        LogOpened(call.CallId, opened.CalleeFacingPort, opened.CallerFacingPort);
        return Update(call, request, isAnswer: false);
    }

    /// <summary>An offer or answer: the sender's SDP gives its address; it gets back the port that faces the other side.</summary>
    private BencodeDictionary Update(SipCall call, NgRequest request, bool isAnswer)
    {
        // The SDP's owner: an offer's is the From party, an answer's the To party.
        var fromCaller = call.IsCaller(isAnswer ? request.ToTag : request.FromTag);
        var port = fromCaller ? call.Relay.CalleeFacingPort : call.Relay.CallerFacingPort;
        var (sdp, audio) = Rewrite(request.Sdp!, call.WorkerAddress, port);
        if (PeerOf(audio, request) is { } peer)
        {
            if (fromCaller)
            {
                call.Relay.SetCaller(peer);
            }
            else
            {
                call.Relay.SetCallee(peer);
            }
        }

        if (fromCaller)
        {
            call.CallerAudio = audio;
        }
        else
        {
            call.CalleeAudio = audio;
        }

        call.LastSignal = time.GetUtcNow();
        return NgFrame.Ok().Set("sdp", sdp);
    }

    private async Task StartCustomerAsync(SipCall call)
    {
        if (call.Relay.CustomerSession is not null || call.CalleeAudio is not { } answered || call.CallerAudio is not { } offered)
        {
            return;
        }

        // Both directions use the codec the answer chose. A party sends with the payload numbers the
        // other party's SDP declared (RFC 3264 5.1), so the customer's events carry the other side's number.
        var (customer, other) = call.Relay.CustomerIsCallee ? (answered, offered) : (offered, answered);
        var settings = new CallMediaSettings
        {
            CallId = call.CallId,
            Transport = MediaTransportKind.Rtp,
            Codec = answered.Codec == "pcma" ? AudioCodec.Pcma : AudioCodec.Pcmu,
            TelephoneEventPayloadType = other.TelephoneEventPayloadType ?? customer.TelephoneEventPayloadType ?? 101,
        };
        if (!sessions.TryStart(settings, out var session))
        {
            throw new NgException("No stream capacity left on this worker");
        }

        if (!call.Relay.TryStartCustomer(session, new RtpStreamProcessor(settings, session.Audio, metrics, options.Value.MaxPacketBytes)))
        {
            await session.DisposeAsync().ConfigureAwait(false);
        }
    }

    private SipPeer? PeerOf(SdpAudio audio, NgRequest request)
    {
        if (audio.Endpoint is not { } endpoint)
        {
            return null; // hold: the previous address stays
        }

        if (!destinations.IsAllowed(endpoint))
        {
            throw new NgException("Media address not allowed on this worker");
        }

        // Strict source: the SDP's address and port, or with SIP-source-address the proxy's received-from address (any port).
        return request.HasFlag("SIP-source-address") && request.ReceivedFrom is { } signalled
            ? new SipPeer(endpoint, signalled, 0)
            : new SipPeer(endpoint, endpoint.Address, endpoint.Port);
    }

    private async Task StopAsync(SipCall call)
    {
        var (callee, caller) = (call.Relay.CalleeFacingPort, call.Relay.CallerFacingPort);
        await call.Relay.DisposeAsync().ConfigureAwait(false);
        relays.Ports.Release(callee);
        relays.Ports.Release(caller);
    }

    private SipCall Known(NgRequest request) =>
        _calls.TryGetValue(request.CallId!, out var call) ? call : throw new NgException("Unknown call-id");

    private static (string Sdp, SdpAudio Audio) Rewrite(string sdp, IPAddress address, int port)
    {
        try
        {
            return SdpRewriter.Rewrite(sdp, address, port);
        }
        catch (SdpException ex)
        {
            throw new NgException(ex.Message);
        }
    }

    [GeneratedRegex("^[a-z0-9-]{1,64}$")]
    private static partial Regex TenantIdPattern();

    [LoggerMessage(EventId = 2711, Level = LogLevel.Information, Message = "Call {CallId}: SIP call opened on ports {CalleeFacingPort}/{CallerFacingPort}")]
    private partial void LogOpened(string callId, int calleeFacingPort, int callerFacingPort);

    [LoggerMessage(EventId = 2712, Level = LogLevel.Information, Message = "Call {CallId}: SIP call deleted")]
    private partial void LogDeleted(string callId);
}
