using System.Net;
using System.Net.Sockets;
using PciCloud.Signalling.Bencode;
using PciCloud.Signalling.Ng;

namespace PciCloud.MaskingWorker.Tests.Sip;

/// <summary>A SIP proxy's side of the ng protocol, as rtpengine clients speak it: cookie, bencoded dictionary, one reply.</summary>
internal sealed class NgClient(IPEndPoint worker) : IDisposable
{
    private readonly Socket _socket = Bound();
    private int _cookie;

    public async Task<BencodeDictionary> SendAsync(BencodeDictionary message, string? cookie = null) =>
        await SendRawAsync(NgFrame.Format(cookie ?? $"t_{Interlocked.Increment(ref _cookie)}", message));

    public async Task<BencodeDictionary> SendRawAsync(byte[] datagram)
    {
        await _socket.SendToAsync(datagram, SocketFlags.None, worker);
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        cts.CancelAfter(TimeSpan.FromSeconds(30));
        var buffer = new byte[65536];
        var n = await _socket.ReceiveAsync(buffer, SocketFlags.None, cts.Token);
        Assert.True(NgFrame.TrySplitCookie(buffer.AsSpan(0, n), out _, out var body));
        Assert.True(NgFrame.TryReadDictionary(body, out var reply, out var error), error);
        return reply!;
    }

    public static BencodeDictionary Offer(string callId, string sdp, string? tenant, string fromTag = "caller-tag") =>
        With(new BencodeDictionary().Set("command", "offer").Set("call-id", callId).Set("from-tag", fromTag).Set("sdp", sdp), tenant);

    public static BencodeDictionary Answer(string callId, string sdp, string fromTag = "caller-tag", string toTag = "callee-tag") =>
        new BencodeDictionary().Set("command", "answer").Set("call-id", callId).Set("from-tag", fromTag).Set("to-tag", toTag).Set("sdp", sdp);

    public static BencodeDictionary Command(string command, string callId) =>
        new BencodeDictionary().Set("command", command).Set("call-id", callId).Set("from-tag", "caller-tag");

    /// <summary>The SDP a phone at <paramref name="at"/> sends: PCMU (or PCMA) and telephone-event 101.</summary>
    public static string Sdp(IPEndPoint at, string codecs = "0 101") =>
        $"v=0\r\no=- 1 1 IN IP4 {at.Address}\r\ns=-\r\nc=IN IP4 {at.Address}\r\nt=0 0\r\nm=audio {at.Port} RTP/AVP {codecs}\r\n"
        + "a=rtpmap:0 PCMU/8000\r\na=rtpmap:8 PCMA/8000\r\na=rtpmap:101 telephone-event/8000\r\na=fmtp:101 0-15\r\na=sendrecv\r\n";

    /// <summary>The port the rewritten SDP's m=audio line gives.</summary>
    public static int MediaPort(BencodeDictionary reply)
    {
        var line = reply.GetString("sdp")!.Split("\r\n").Single(l => l.StartsWith("m=audio ", StringComparison.Ordinal));
        return int.Parse(line.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
    }

    public void Dispose() => _socket.Dispose();

    private static BencodeDictionary With(BencodeDictionary d, string? tenant) => tenant is null ? d : d.Set("pcicloud-tenant", tenant);

    private static Socket Bound()
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return socket;
    }
}
