using PciCloud.Signalling.Bencode;

namespace PciCloud.MaskingWorker.Sip;

/// <summary>The <c>query</c> (and <c>delete</c>) reply of a call, in rtpengine's shape, limited to what the worker knows.</summary>
internal static class SipCallQuery
{
    public static BencodeDictionary Stats(SipCall call, BencodeDictionary reply)
    {
        var tags = new BencodeDictionary().Set(call.FromTag, Tag(call.FromTag, call.ToTag ?? "", call.Created, call.Relay.CallerFacingPort, call.Relay.Caller));
        tags.Set(call.ToTag ?? "", Tag(call.ToTag ?? "", call.FromTag, call.Created, call.Relay.CalleeFacingPort, call.Relay.Callee));
        return reply
            .Set("created", call.Created.ToUnixTimeSeconds())
            .Set("last signal", call.LastSignal.ToUnixTimeSeconds())
            .Set("pcicloud-call-id", call.CallId)
            .Set("tags", tags);
    }

    /// <summary>One party: the worker port its audio arrives on, and the address the worker sends the other party's audio to.</summary>
    private static BencodeDictionary Tag(string tag, string other, DateTimeOffset created, int localPort, SipPeer? peer)
    {
        var stream = new BencodeDictionary().Set("local port", localPort);
        if (peer is not null)
        {
            stream.Set("endpoint", new BencodeDictionary()
                .Set("family", peer.SendTo.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? "IPv6" : "IPv4")
                .Set("address", peer.SendTo.Address.ToString())
                .Set("port", peer.SendTo.Port));
        }

        var media = new BencodeDictionary().Set("index", 1).Set("type", "audio").Set("protocol", "RTP/AVP").Set("streams", new object[] { stream });
        return new BencodeDictionary().Set("tag", tag).Set("created", created.ToUnixTimeSeconds()).Set("in dialogue with", other)
            .Set("medias", new object[] { media });
    }
}
