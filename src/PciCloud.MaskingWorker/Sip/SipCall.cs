using System.Net;

namespace PciCloud.MaskingWorker.Sip;

/// <summary>One SIP call this worker relays: its ids, tags and relay. Changed only under the call control's lock.</summary>
public sealed class SipCall(string sipCallId, string callId, string tenantId, string fromTag, IPAddress workerAddress, SipMediaRelay relay, DateTimeOffset created)
{
    public string SipCallId { get; } = sipCallId;

    /// <summary>The PciCloud call id (the tenant's API shows the call under it, and under the SIP call-id as externalId).</summary>
    public string CallId { get; } = callId;

    public string TenantId { get; } = tenantId;

    /// <summary>The caller's tag (the From tag of the first offer).</summary>
    public string FromTag { get; } = fromTag;

    /// <summary>The callee's tag, once an answer brought it.</summary>
    public string? ToTag { get; set; }

    public IPAddress WorkerAddress { get; } = workerAddress;

    public SipMediaRelay Relay { get; } = relay;

    public DateTimeOffset Created { get; } = created;

    public DateTimeOffset LastSignal { get; set; } = created;

    /// <summary>The caller's audio as its latest SDP described it.</summary>
    public Signalling.Sdp.SdpAudio? CallerAudio { get; set; }

    public Signalling.Sdp.SdpAudio? CalleeAudio { get; set; }

    /// <summary>Whether a tag is the caller's (else the callee's): re-INVITEs may come from either side.</summary>
    public bool IsCaller(string? tag) => tag is null || tag == FromTag;
}
