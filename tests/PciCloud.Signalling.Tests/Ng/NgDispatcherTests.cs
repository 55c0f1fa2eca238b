using System.Text;
using Microsoft.Extensions.Time.Testing;
using PciCloud.Signalling.Bencode;
using PciCloud.Signalling.Ng;

namespace PciCloud.Signalling.Tests.Ng;

public sealed class NgDispatcherTests
{
    private const string Sdp = "v=0\r\nc=IN IP4 10.0.0.1\r\nm=audio 4000 RTP/AVP 0\r\n";
    private readonly RecordingCallControl _calls = new();
    private readonly FakeTimeProvider _time = new();
    private readonly NgDispatcher _dispatcher;

    public NgDispatcherTests() => _dispatcher = new NgDispatcher(_calls, new NgCookieCache(_time));

    private async Task<(string Cookie, BencodeDictionary Reply)> SendAsync(string datagram, string peer = "127.0.0.1:5060") =>
        await SendAsync(Encoding.UTF8.GetBytes(datagram), peer);

    private async Task<(string Cookie, BencodeDictionary Reply)> SendAsync(byte[] datagram, string peer = "127.0.0.1:5060")
    {
        var reply = await _dispatcher.HandleAsync(datagram, peer, TestContext.Current.CancellationToken);
        Assert.NotNull(reply);
        Assert.True(NgFrame.TrySplitCookie(reply, out var cookie, out var body));
        Assert.True(NgFrame.TryReadDictionary(body, out var dictionary, out var error), error);
        return (cookie, dictionary!);
    }

    private static string Message(string cookie, BencodeDictionary d) => Encoding.UTF8.GetString(NgFrame.Format(cookie, d));

    [Fact]
    public async Task Ping_AnswersPongWithTheSameCookie()
    {
        var (cookie, reply) = await SendAsync("5323_1 d7:command4:pinge");

        Assert.Equal("5323_1", cookie);
        Assert.Equal("pong", reply.GetString("result"));
    }

    [Theory]
    [InlineData("offer", "offer")]
    [InlineData("answer", "answer")]
    [InlineData("delete", "delete")]
    [InlineData("query", "query")]
    [InlineData("block DTMF", "block")]
    [InlineData("unblock DTMF", "unblock")]
    public async Task EveryCommand_ReachesItsHandler(string command, string handler)
    {
        var d = new BencodeDictionary().Set("command", command).Set("call-id", "c1").Set("from-tag", "f").Set("to-tag", "t").Set("sdp", Sdp);

        var (_, reply) = await SendAsync(Message("c_1", d));

        Assert.Equal("ok", reply.GetString("result"));
        Assert.Equal(handler, Assert.Single(_calls.Calls).Command);
    }

    [Theory]
    [InlineData("offer", "sdp")]
    [InlineData("offer", "from-tag")]
    [InlineData("offer", "call-id")]
    [InlineData("answer", "to-tag")]
    [InlineData("delete", "call-id")]
    [InlineData("query", "call-id")]
    [InlineData("block DTMF", "call-id")]
    public async Task MissingRequiredKey_ErrorNamesIt_HandlerNotCalled(string command, string missing)
    {
        var d = new BencodeDictionary().Set("command", command);
        foreach (var key in new[] { "call-id", "from-tag", "to-tag", "sdp" }.Where(k => k != missing))
        {
            d.Set(key, key == "sdp" ? Sdp : "x");
        }

        var (_, reply) = await SendAsync(Message("m_1", d));

        Assert.Equal("error", reply.GetString("result"));
        Assert.Equal($"No {missing} in message", reply.GetString("error-reason"));
        Assert.Empty(_calls.Calls);
    }

    [Theory]
    [InlineData("1 d7:command10:frobnicatee", "Unrecognized command")]
    [InlineData("1 d4:calldee", "No command in message")]
    [InlineData("1 d7:commandi5ee", "No command in message")]
    [InlineData("1 l7:commande", "Could not decode dictionary: message is not a dictionary")]
    [InlineData("1 d7:command4:ping", "Could not decode dictionary: truncated message")]
    [InlineData("1 d7:command400:pinge", "Could not decode dictionary: string length 400 exceeds the 5 bytes left")]
    [InlineData("1 ", "Could not decode dictionary: truncated message")]
    public async Task UnknownOrMalformed_ErrorReplyWithReason(string datagram, string reason)
    {
        var (cookie, reply) = await SendAsync(datagram);

        Assert.Equal("1", cookie);
        Assert.Equal("error", reply.GetString("result"));
        Assert.Equal(reason, reply.GetString("error-reason"));
        Assert.Equal(2, reply.Count); // no other keys in the error case
    }

    [Theory]
    [InlineData("")]
    [InlineData("nocookie")]
    [InlineData(" d7:command4:pinge")]
    public async Task NoCookie_NoReply(string datagram) =>
        Assert.Null(await _dispatcher.HandleAsync(Encoding.UTF8.GetBytes(datagram), "p", TestContext.Current.CancellationToken));

    [Fact]
    public async Task CookieWithControlBytes_NoReply() =>
        Assert.Null(await _dispatcher.HandleAsync(new byte[] { (byte)'a', 0, (byte)' ', (byte)'d', (byte)'e' }, "p", TestContext.Current.CancellationToken));

    [Fact]
    public async Task Garbage64Kilobytes_NeverThrows()
    {
        var random = new Random(2223);
        for (var i = 0; i < 50; i++)
        {
            var garbage = new byte[64 * 1024];
            random.NextBytes(garbage);
            Encoding.ASCII.GetBytes($"g{i} d").CopyTo(garbage, 0);

            var (_, reply) = await SendAsync(garbage);

            Assert.Equal("error", reply.GetString("result"));
        }

        Assert.Empty(_calls.Calls);
    }

    [Fact]
    public async Task OversizedDatagram_NoReply() =>
        Assert.Null(await _dispatcher.HandleAsync(new byte[NgDispatcher.MaxMessageBytes + 1], "p", TestContext.Current.CancellationToken));

    [Fact]
    public async Task HandlerException_FixedReasonWithoutItsText()
    {
        _calls.Throw = new InvalidOperationException("secret internals 4111111111111111");

        var (_, reply) = await SendAsync("q d7:command5:query7:call-id1:ce");

        Assert.Equal("Internal error", reply.GetString("error-reason"));
    }

    [Fact]
    public async Task HandlerRefusal_ReasonGoesToTheProxy()
    {
        _calls.Throw = new NgException("Unknown call-id");

        var (_, reply) = await SendAsync("q d7:command6:delete7:call-id1:ce");

        Assert.Equal("Unknown call-id", reply.GetString("error-reason"));
    }

    [Fact]
    public async Task Retransmission_AnsweredFromCache_HandlerRunsOnce()
    {
        var offer = Message("r_1", new BencodeDictionary().Set("command", "offer").Set("call-id", "c").Set("from-tag", "f").Set("sdp", Sdp));

        var first = await _dispatcher.HandleAsync(Encoding.UTF8.GetBytes(offer), "p", TestContext.Current.CancellationToken);
        var again = await _dispatcher.HandleAsync(Encoding.UTF8.GetBytes(offer), "p", TestContext.Current.CancellationToken);

        Assert.Equal(first, again);
        Assert.Single(_calls.Calls);
    }

    [Fact]
    public async Task SameCookie_FromAnotherPeerOrAfterExpiry_RunsAgain()
    {
        var query = "r_2 d7:command5:query7:call-id1:ce";

        await SendAsync(query, "peer-a");
        await SendAsync(query, "peer-b");
        _time.Advance(TimeSpan.FromSeconds(31));
        await SendAsync(query, "peer-a");

        Assert.Equal(3, _calls.Calls.Count);
    }

    [Fact]
    public async Task TenantAndCustomer_ReadFromKeyFlagsOrRtppFlags()
    {
        await SendAsync("a d7:command5:query7:call-id1:c15:pcicloud-tenant5:ten_ae");
        await SendAsync("b d7:command5:query7:call-id1:c5:flagsl21:pcicloud-tenant=ten_b24:pcicloud-customer=calleeee");
        await SendAsync("c d7:command5:query7:call-id1:c10:rtpp-flags28:strict pcicloud-tenant=ten_ce");

        Assert.Equal(["ten_a", "ten_b", "ten_c"], _calls.Calls.Select(c => c.Request.TenantId));
        Assert.Equal([false, true, false], _calls.Calls.Select(c => c.Request.CustomerIsCallee));
    }
}
