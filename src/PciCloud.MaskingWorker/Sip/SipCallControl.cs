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
