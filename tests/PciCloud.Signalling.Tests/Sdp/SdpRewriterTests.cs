using System.Net;
using PciCloud.Signalling.Sdp;

namespace PciCloud.Signalling.Tests.Sdp;

public sealed class SdpRewriterTests
{
    private static readonly IPAddress Worker = IPAddress.Parse("192.0.2.10");

    private static string Lines(params string[] lines) => string.Join("\r\n", lines) + "\r\n";

    [Fact]
    public void Rewrite_SippOffer_WorkerAddressAndPort_AudioFromTheSdp()
    {
        var sdp = Lines("v=0", "o=user1 53655765 2353687637 IN IP4 127.0.0.1", "s=-", "c=IN IP4 127.0.0.1", "t=0 0",
            "m=audio 6000 RTP/AVP 0 101", "a=rtpmap:0 PCMU/8000", "a=rtpmap:101 telephone-event/8000", "a=fmtp:101 0-15");

        var (rewritten, audio) = SdpRewriter.Rewrite(sdp, Worker, 40000);

        Assert.Equal(Lines("v=0", "o=user1 53655765 2353687637 IN IP4 192.0.2.10", "s=-", "c=IN IP4 192.0.2.10", "t=0 0",
            "m=audio 40000 RTP/AVP 0 101", "a=rtpmap:0 PCMU/8000", "a=rtpmap:101 telephone-event/8000", "a=fmtp:101 0-15"), rewritten);
        Assert.Equal(new IPEndPoint(IPAddress.Loopback, 6000), audio.Endpoint);
        Assert.Equal("pcmu", audio.Codec);
        Assert.Equal(101, audio.TelephoneEventPayloadType);
    }

    [Fact]
    public void Rewrite_OtherCodecsAndAttributes_Removed_FirstG711Chosen()
    {
        var sdp = Lines("v=0", "o=- 1 1 IN IP4 10.1.1.1", "s=-", "t=0 0", "m=audio 5004 RTP/AVP 111 8 0 96", "c=IN IP4 10.1.1.2",
            "a=rtpmap:111 opus/48000/2", "a=fmtp:111 useinbandfec=1", "a=rtpmap:96 telephone-event/8000", "a=rtcp:5005",
            "a=candidate:1 1 UDP 1 10.1.1.2 5004 typ host", "a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:xyz", "a=sendrecv", "a=ptime:20");

        var (rewritten, audio) = SdpRewriter.Rewrite(sdp, Worker, 40002);

        Assert.Contains("m=audio 40002 RTP/AVP 8 0 96\r\n", rewritten, StringComparison.Ordinal);
        Assert.DoesNotContain("opus", rewritten, StringComparison.Ordinal);
        Assert.DoesNotContain("111", rewritten, StringComparison.Ordinal);
        Assert.DoesNotContain("a=rtcp", rewritten, StringComparison.Ordinal);
        Assert.DoesNotContain("candidate", rewritten, StringComparison.Ordinal);
        Assert.DoesNotContain("crypto", rewritten, StringComparison.Ordinal);
        Assert.Contains("a=sendrecv\r\na=ptime:20\r\n", rewritten, StringComparison.Ordinal);
        Assert.Equal(new IPEndPoint(IPAddress.Parse("10.1.1.2"), 5004), audio.Endpoint); // media-level c= wins
        Assert.Equal("pcma", audio.Codec);
        Assert.Equal(96, audio.TelephoneEventPayloadType);
    }

    [Fact]
    public void Rewrite_VideoSection_DeclinedWithPortZero_ItsConnectionKept()
    {
        var sdp = Lines("v=0", "o=- 1 1 IN IP4 10.0.0.1", "s=-", "c=IN IP4 10.0.0.1", "t=0 0", "m=audio 4000 RTP/AVP 0",
            "m=video 4002 RTP/AVP 97", "c=IN IP4 10.0.0.9", "a=rtpmap:97 H264/90000");

        var (rewritten, _) = SdpRewriter.Rewrite(sdp, Worker, 40000);

        Assert.Contains("m=video 0 RTP/AVP 97\r\nc=IN IP4 10.0.0.9\r\n", rewritten, StringComparison.Ordinal);
    }

    [Fact]
    public void Rewrite_HoldAddress_NoEndpoint()
    {
        var (_, audio) = SdpRewriter.Rewrite(Lines("v=0", "c=IN IP4 0.0.0.0", "m=audio 4000 RTP/AVP 8", "a=sendonly"), Worker, 40000);

        Assert.Null(audio.Endpoint);
    }

    [Theory]
    [InlineData("v=0\r\nc=IN IP4 10.0.0.1\r\nm=audio 4000 RTP/AVP 9 18\r\n", "No supported codec")]
    [InlineData("v=0\r\nc=IN IP4 10.0.0.1\r\nm=audio 4000 RTP/AVP 96\r\na=rtpmap:96 PCMU/16000\r\n", "No supported codec")]
    [InlineData("v=0\r\nc=IN IP4 10.0.0.1\r\nm=audio 4000 RTP/SAVP 0\r\n", "only RTP/AVP")]
    [InlineData("v=0\r\nc=IN IP4 10.0.0.1\r\nm=video 4000 RTP/AVP 97\r\n", "No audio")]
    [InlineData("v=0\r\nc=IN IP4 host.example\r\nm=audio 4000 RTP/AVP 0\r\n", "c= line")]
    [InlineData("v=0\r\nc=IN IP4 10.0.0.1\r\nm=audio 99999 RTP/AVP 0\r\n", "m=audio")]
    [InlineData("v=0\r\nc=IN IP4 10.0.0.1\r\nm=audio 4000 RTP/AVP 0 x\r\n", "payload type")]
    [InlineData("m=audio 4000 RTP/AVP 0\r\n", "Malformed SDP")]
    [InlineData("", "Malformed SDP")]
    public void Rewrite_Unrelayable_RefusedWithReason(string sdp, string reason) =>
        Assert.Contains(reason, Assert.Throws<SdpException>(() => SdpRewriter.Rewrite(sdp, Worker, 40000)).Message, StringComparison.Ordinal);

    [Fact]
    public void Rewrite_TooLarge_Refused() =>
        Assert.Throws<SdpException>(() => SdpRewriter.Rewrite("v=0\r\n" + new string('a', SdpRewriter.MaxSdpLength), Worker, 40000));
}
