using System.Net;

namespace PciCloud.MaskingWorker.Sip;

/// <summary>
/// One party of a SIP call as its SDP describes it: where its audio goes, and the only source its
/// audio is accepted from (symmetric RTP: it sends from where it receives). A port of 0 accepts any
/// port of the address (the proxy asked for the SIP source address instead of the SDP's).
/// </summary>
public sealed record SipPeer(IPEndPoint SendTo, IPAddress SourceAddress, int SourcePort)
{
    public bool IsSource(IPEndPoint from) =>
        from.Address.Equals(SourceAddress) && (SourcePort == 0 || from.Port == SourcePort);
}
