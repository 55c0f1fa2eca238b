using System.Net;
using PciCloud.MaskingWorker.Rtp;

namespace PciCloud.MaskingWorker.Sip;

/// <summary>
/// One party of a SIP call as its SDP describes it: where its audio goes, and the only source its
/// audio is accepted from (symmetric RTP: it sends from where it receives). A port of 0 accepts any
/// port of the address (the proxy asked for the SIP source address instead of the SDP's).
/// </summary>
public sealed record SipPeer(IPEndPoint SendTo, IPAddress SourceAddress, int SourcePort)
{
    // Serialized once: the relay checks and sends every packet without building endpoints.
    private readonly SocketAddress _source = new IPEndPoint(SourceAddress, SourcePort).Serialize();

    public SocketAddress SendToAddress { get; } = SendTo.Serialize();

    public bool IsSource(SocketAddress from) =>
        SourcePort == 0 ? RtpSourceGuard.SameHost(_source, from) : _source.Equals(from);
}
