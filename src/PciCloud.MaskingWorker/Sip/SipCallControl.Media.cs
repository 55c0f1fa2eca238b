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

/// <summary>The media side of the ng commands: opening a call's relay, each side's SDP, the customer's masking.</summary>
public sealed partial class SipCallControl
{
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
}
