using System.Net;

namespace PciCloud.Signalling.Sdp;

/// <summary>
/// What one side's SDP says about its audio: where it receives RTP (and so, with symmetric RTP,
/// where it sends from), the G.711 codec it prefers, and the payload type of its telephone events.
/// </summary>
/// <param name="Address">The connection address; null when the SDP puts the stream on hold (0.0.0.0).</param>
/// <param name="Codec"><c>pcmu</c> or <c>pcma</c>: the first of the two in the m= line's order.</param>
/// <param name="PayloadTypes">The payload types kept in the rewritten m= line, in their order.</param>
public sealed record SdpAudio(
    IPAddress? Address,
    int Port,
    string Codec,
    int? TelephoneEventPayloadType,
    IReadOnlyList<int> PayloadTypes)
{
    public IPEndPoint? Endpoint => Address is null || Port == 0 ? null : new IPEndPoint(Address, Port);
}
