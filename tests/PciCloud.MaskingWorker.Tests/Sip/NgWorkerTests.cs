using System.Net;
using PciCloud.Contracts.Calls;
using PciCloud.MaskingWorker.Calls;
using PciCloud.MaskingWorker.Diagnostics;
using PciCloud.MaskingWorker.Tests.Region;
using PciCloud.MaskingWorker.Tests.Support;
using PciCloud.Media.Codecs;
using PciCloud.Signalling.Bencode;

namespace PciCloud.MaskingWorker.Tests.Sip;

/// <summary>
/// The worker's ng control protocol over UDP, with the real worker (Program.cs's composition) and a
/// real region silo: what a SIP proxy sees for each command, what the region gets, what the media does.
/// </summary>
public sealed class NgWorkerTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    private static async Task<IReadOnlyList<string>> CallsUnder(SipWorker sip, string sipCallId) =>
        await sip.Region.Grains.GetGrain<ICallExternalIdIndexGrain>(ICallExternalIdIndexGrain.KeyOf(SipWorker.Tenant, sipCallId)).ListAsync();

    private static async Task<int> Reservations(SipWorker sip) => (await sip.Region.Directory.ListAsync()).Single().ReservedPorts;

    [Fact]
    public async Task Offer_KnownTenant_OpensTheCallUnderItsSipCallId_SdpPointsAtTheWorker()
    {
        await using var sip = await SipWorker.StartAsync();
        using var proxy = new NgClient(sip.Ng);
        using var caller = new UdpPeer();

        var reply = await proxy.SendAsync(NgClient.Offer("sip-1@host", NgClient.Sdp(caller.EndPoint), SipWorker.Tenant));

        Assert.Equal("ok", reply.GetString("result"));
        Assert.Contains("c=IN IP4 127.0.0.1\r\n", reply.GetString("sdp"), StringComparison.Ordinal);
        Assert.InRange(NgClient.MediaPort(reply), sip.Worker.RtpPort, sip.Worker.RtpPort + 7);
        var callId = Assert.Single(await CallsUnder(sip, "sip-1@host"));
        var view = (await sip.Region.Grains.GetGrain<ICallGrain>(callId).GetAsync())!;
        Assert.Equal((SipWorker.Tenant, "sip-1@host", CallView.Active, "sip"), (view.TenantId, view.ExternalId, view.Status, view.Media.Transport));
        Assert.Equal(1, await Reservations(sip));
        Assert.Empty(await sip.Region.Directory.GetRtpCallsAsync("worker-sip")); // the RTP relay manager never starts a SIP call
    }

    [Theory]
    [InlineData("nobody", "0 101", "Unknown tenant")]
    [InlineData(null, "0 101", "No pcicloud-tenant in message")]
    [InlineData("Bad Tenant!", "0 101", "Malformed pcicloud-tenant")]
    [InlineData(SipWorker.Tenant, "9 18", "No supported codec in SDP: PCMU or PCMA is required (no transcoding)")]
    public async Task Offer_Refused_ErrorForTheProxy_NothingReservedOrStarted(string? tenant, string codecs, string reason)
    {
        await using var sip = await SipWorker.StartAsync();
        using var proxy = new NgClient(sip.Ng);

        var reply = await proxy.SendAsync(NgClient.Offer("sip-2", NgClient.Sdp(new IPEndPoint(IPAddress.Loopback, 4000), codecs), tenant));

        Assert.Equal(("error", reason), (reply.GetString("result"), reply.GetString("error-reason")));
        Assert.Equal(0, await Reservations(sip));
        Assert.Empty(await CallsUnder(sip, "sip-2"));
        Assert.Equal(0, sip.Calls.Count);
    }

    [Fact]
    public async Task Offer_RetransmittedCookie_SameReply_ReInvite_SamePortsNoLeak()
    {
        await using var sip = await SipWorker.StartAsync();
        using var proxy = new NgClient(sip.Ng);
        using var caller = new UdpPeer();
        var offer = NgClient.Offer("sip-3", NgClient.Sdp(caller.EndPoint), SipWorker.Tenant);

        var first = await proxy.SendAsync(offer, cookie: "same");
        var retransmitted = await proxy.SendAsync(offer, cookie: "same");
        using var moved = new UdpPeer();
        var reInvite = await proxy.SendAsync(NgClient.Offer("sip-3", NgClient.Sdp(moved.EndPoint), SipWorker.Tenant));

        Assert.Equal(first.GetString("sdp"), retransmitted.GetString("sdp"));
        Assert.Equal(NgClient.MediaPort(first), NgClient.MediaPort(reInvite));
        Assert.Single(await CallsUnder(sip, "sip-3"));
        Assert.Equal(1, await Reservations(sip));
        Assert.Equal(2, sip.Worker.Relays.Ports.InUse);
    }

    [Fact]
    public async Task Call_BothWays_CustomerMasked_DigitsReachTheSession_CalleeHeardUnchanged_DeleteEndsAndFreesPorts()
    {
        await using var sip = await SipWorker.StartAsync();
        using var proxy = new NgClient(sip.Ng);
        using var caller = new UdpPeer();
        using var callee = new UdpPeer();

        var offer = await proxy.SendAsync(NgClient.Offer("sip-4", NgClient.Sdp(caller.EndPoint), SipWorker.Tenant));
        var answer = await proxy.SendAsync(NgClient.Answer("sip-4", NgClient.Sdp(callee.EndPoint)));
        Assert.Equal("ok", answer.GetString("result"));
        var (towardsCallee, towardsCaller) = (new IPEndPoint(IPAddress.Loopback, NgClient.MediaPort(offer)), new IPEndPoint(IPAddress.Loopback, NgClient.MediaPort(answer)));
        var callId = Assert.Single(await CallsUnder(sip, "sip-4"));
        var call = sip.Region.Grains.GetGrain<ICallGrain>(callId);
        var session = await RegionCalls.OpenCapturingSessionAsync(sip.Region, call, callId);

        // The callee (the agent) speaks: the caller hears exactly that.
        var agentSpeech = PhoneCall.Packets(new RtpStream(0), TestAudio.Encode(TestAudio.PseudoSpeech(400), G711Law.MuLaw), [], audio: true, events: false);
        await callee.SendAllAsync(agentSpeech, towardsCallee);
        await caller.ReceiveAsync(agentSpeech.Count, Timeout);
        Assert.Equal(agentSpeech, caller.Received);

        // The caller (the customer) keys the card number as tones and events: the callee hears no digit.
        var packets = PhoneCall.Packets(new RtpStream(0), TestAudio.Encode(TestAudio.CardEntry(), G711Law.MuLaw), PhoneCall.CardEntryKeyPresses(), audio: true, events: true);
        await using var reference = new ProcessorHarness(AudioCodec.Pcmu);
        reference.FeedAll(packets);
        await caller.SendAllAsync(packets, towardsCaller);
        await callee.ReceiveAsync(reference.Sent.Count, Timeout);

        var view = await RegionCalls.WaitForSessionAsync(session, v => v.Fields["card_number"].State == "complete", Timeout);
        Assert.Equal((16, "1111"), (view.Fields["card_number"].Length, view.Fields["card_number"].Last4));
        var heard = MaskingToneCheck.Timeline(callee.Received, G711Law.MuLaw);
        Assert.Equal("", TestAudio.DetectDigits(heard));
        if (Multimon.IsInstalled)
        {
            Assert.Equal("", await Multimon.DetectDigitsAsync(heard, TestContext.Current.CancellationToken));
        }

        var deleted = await proxy.SendAsync(NgClient.Command("delete", "sip-4"));

        Assert.Equal(("ok", null), (deleted.GetString("result"), deleted.GetString("error-reason")));
        Assert.Equal(CallView.Ended, (await call.GetAsync())!.Status);
        Assert.Equal(0, await Reservations(sip));
        Assert.Equal(0, sip.Worker.Relays.Ports.InUse);
        Assert.Equal(0, sip.Calls.Count);
    }

    [Fact]
    public async Task Media_FromAnotherSource_DroppedFromTheFirstPacket()
    {
        await using var sip = await SipWorker.StartAsync();
        using var proxy = new NgClient(sip.Ng);
        using var caller = new UdpPeer();
        using var callee = new UdpPeer();
        using var intruder = new UdpPeer();
        var offer = await proxy.SendAsync(NgClient.Offer("sip-5", NgClient.Sdp(caller.EndPoint), SipWorker.Tenant));
        await proxy.SendAsync(NgClient.Answer("sip-5", NgClient.Sdp(callee.EndPoint)));
        var packets = PhoneCall.Packets(new RtpStream(0), TestAudio.Encode(TestAudio.PseudoSpeech(200), G711Law.MuLaw), [], audio: true, events: false);
        var before = sip.Worker.Metrics.Dropped(DropReason.UnexpectedSource);

        await intruder.SendAllAsync(packets, new IPEndPoint(IPAddress.Loopback, NgClient.MediaPort(offer)));
        await Waiting.UntilAsync(() => Task.FromResult(sip.Worker.Metrics.Dropped(DropReason.UnexpectedSource) - before == packets.Count), "the intruder's packets to be dropped");
        await callee.SendAllAsync(packets.Take(1), new IPEndPoint(IPAddress.Loopback, NgClient.MediaPort(offer)));
        await caller.ReceiveAsync(1, Timeout);

        Assert.Equal(packets[0], Assert.Single(caller.Received));
    }

    [Fact]
    public async Task Delete_UnknownCall_OkWithWarning_FatalFlag_Error()
    {
        await using var sip = await SipWorker.StartAsync();
        using var proxy = new NgClient(sip.Ng);

        var lenient = await proxy.SendAsync(NgClient.Command("delete", "never-seen"));
        var fatal = await proxy.SendAsync(NgClient.Command("delete", "never-seen").Set("flags", new object[] { "fatal" }));

        Assert.Equal(("ok", "Call-ID not found"), (lenient.GetString("result"), lenient.GetString("warning")));
        Assert.Equal(("error", "Unknown call-id"), (fatal.GetString("result"), fatal.GetString("error-reason")));
    }

    [Theory]
    [InlineData("query")]
    [InlineData("block DTMF")]
    [InlineData("unblock DTMF")]
    [InlineData("answer")]
    public async Task CommandOnUnknownCall_Error(string command)
    {
        await using var sip = await SipWorker.StartAsync();
        using var proxy = new NgClient(sip.Ng);
        var message = command == "answer" ? NgClient.Answer("none", NgClient.Sdp(new IPEndPoint(IPAddress.Loopback, 4000))) : NgClient.Command(command, "none");

        var reply = await proxy.SendAsync(message);

        Assert.Equal(("error", "Unknown call-id"), (reply.GetString("result"), reply.GetString("error-reason")));
    }

    [Fact]
    public async Task Query_And_DtmfBlocking_OnAKnownCall()
    {
        await using var sip = await SipWorker.StartAsync();
        using var proxy = new NgClient(sip.Ng);
        using var caller = new UdpPeer();
        var offer = await proxy.SendAsync(NgClient.Offer("sip-6", NgClient.Sdp(caller.EndPoint), SipWorker.Tenant));

        var query = await proxy.SendAsync(NgClient.Command("query", "sip-6"));
        var block = await proxy.SendAsync(NgClient.Command("block DTMF", "sip-6"));
        var unblock = await proxy.SendAsync(NgClient.Command("unblock DTMF", "sip-6"));
        var ping = await proxy.SendAsync(new BencodeDictionary().Set("command", "ping"));

        Assert.Equal("ok", query.GetString("result"));
        Assert.Equal(Assert.Single(await CallsUnder(sip, "sip-6")), query.GetString("pcicloud-call-id"));
        var callerTag = query.GetDictionary("tags")!.GetDictionary("caller-tag")!;
        Assert.Equal("caller-tag", callerTag.GetString("tag"));
        Assert.Equal("ok", block.GetString("result"));
        Assert.Equal(("ok", "DTMF masking of the customer cannot be turned off"), (unblock.GetString("result"), unblock.GetString("warning")));
        Assert.Equal("pong", ping.GetString("result"));
        Assert.NotEqual(0, NgClient.MediaPort(offer));
    }
}
