using System.Net;
using System.Net.Sockets;
using PciCloud.Contracts.Calls;
using PciCloud.MaskingWorker.Calls;
using PciCloud.MaskingWorker.Tests.Region;
using PciCloud.MaskingWorker.Tests.Support;
using PciCloud.Media.Codecs;

namespace PciCloud.MaskingWorker.Tests.Sip;

/// <summary>
/// The whole SIP path with real parts: Debian's Kamailio (its rtpengine module pointed at the worker's
/// ng port) proxies a call between two sipp instances (caller and callee), and drives the worker over
/// ng on INVITE, 200 OK and BYE. The two parties' media endpoints are the test's UDP peers (the SDP
/// sipp sends names them), so the test plays the customer's card entry (in-band tones and RFC 4733
/// events) and hears what each side receives.
/// </summary>
public sealed class KamailioSippTests
{
    private const string Kamailio = "/usr/sbin/kamailio";
    private const string Sipp = "/usr/bin/sipp";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task SipCall_ThroughKamailio_AppearsUnderItsCallId_CardEntryApprovedBySandbox_CalleeHearsNoDigit_CallerHearsCallee_ByeEndsIt()
    {
        Assert.SkipUnless(ToolProcess.IsInstalled(Kamailio) && ToolProcess.IsInstalled(Sipp), "kamailio and sipp (Debian kamailio, sip-tester) are not installed");
        await using var sip = await SipWorker.StartAsync();
        using var caller = new UdpPeer();
        using var callee = new UdpPeer();
        var (proxyPort, calleePort, callerPort) = (FreeUdpPort(), FreeUdpPort(), FreeUdpPort());
        var sipCallIdPrefix = Guid.NewGuid().ToString("N");
        var sipCallId = $"{sipCallIdPrefix}-1@pcicloud.test"; // sipp's -cid_str below, for its first call
        var folder = System.IO.Directory.CreateTempSubdirectory("pcicloud-kamailio-").FullName;
        var values = new Dictionary<string, string>
        {
            ["__SIP_PORT__"] = $"{proxyPort}", ["__NG_PORT__"] = $"{sip.Ng.Port}", ["__CALLEE_PORT__"] = $"{calleePort}",
            ["__TENANT__"] = SipWorker.Tenant, ["__TALK_MS__"] = "8000",
        };
        Fill("kamailio.cfg", folder, values);
        Fill("uac.xml", folder, new(values) { ["__MEDIA_PORT__"] = $"{caller.EndPoint.Port}" });
        Fill("uas.xml", folder, new(values) { ["__MEDIA_PORT__"] = $"{callee.EndPoint.Port}" });

        await using var kamailio = new ToolProcess(Kamailio, $"-f kamailio.cfg -DD -E -Y {folder} -P {folder}/kamailio.pid -w {folder}", folder);
        // The module pings the worker when it starts; it routes calls to it once that ping was answered.
        await Waiting.UntilAsync(() => Task.FromResult(kamailio.Output.Contains("support for it enabled", StringComparison.Ordinal)),
            "kamailio to find the worker over ng:\n" + kamailio.Output, Timeout);
        await using var uas = new ToolProcess(Sipp, $"-sf uas.xml -i 127.0.0.1 -p {calleePort} -m 1 -nostdin -timeout 60s", folder);
        await using var uac = new ToolProcess(Sipp, $"127.0.0.1:{proxyPort} -sf uac.xml -i 127.0.0.1 -p {callerPort} -m 1 -nostdin -timeout 60s -cid_str {sipCallIdPrefix}-%u@pcicloud.test", folder);

        // INVITE (ng offer) and 200 OK (ng answer) went through: the call is in the tenant's region under its SIP Call-ID.
        string? callId = null;
        await Waiting.UntilAsync(async () => (callId = (await Calls(sip, sipCallId)).FirstOrDefault()) is not null
            && sip.Calls.Find(sipCallId)?.CalleeAudio is not null, "the call to be offered and answered:\n" + kamailio.Output, Timeout);
        var call = sip.Region.Grains.GetGrain<ICallGrain>(callId!);
        var sipCall = sip.Calls.Find(sipCallId)!;
        var session = await RegionCalls.OpenCapturingSessionAsync(sip.Region, call, callId!);

        // The agent speaks; the customer keys the card number (tones and events) while the session captures.
        var agentSpeech = PhoneCall.Packets(new RtpStream(0), TestAudio.Encode(TestAudio.PseudoSpeech(400), G711Law.MuLaw), [], audio: true, events: false);
        await callee.SendAllAsync(agentSpeech, new IPEndPoint(IPAddress.Loopback, sipCall.Relay.CalleeFacingPort));
        await caller.ReceiveAsync(agentSpeech.Count, Timeout);
        // One continuous RTP stream from the phone, keyed field by field as the agent asks for each.
        var fields = new[] { ("card_number", TestAudio.CardNumber), ("expiry", "1230"), ("security_code", "123") };
        var batches = CustomerKeying(fields.Select(f => f.Item2));
        await using var reference = new ProcessorHarness(AudioCodec.Pcmu);
        reference.FeedAll(batches.SelectMany(b => b));
        for (var i = 0; i < fields.Length; i++)
        {
            if (i > 0)
            {
                Assert.True((await session.CaptureAsync(fields[i].Item1)).Ok);
            }

            await caller.SendAllAsync(batches[i], new IPEndPoint(IPAddress.Loopback, sipCall.Relay.CallerFacingPort));
            await RegionCalls.WaitForSessionAsync(session, v => v.Fields[fields[i].Item1].State == "complete", Timeout);
        }

        Assert.True((await session.SubmitAsync()).Ok);
        var view = await RegionCalls.WaitForSessionAsync(session, v => v.Result is not null, Timeout);
        Assert.Equal(("approved", 16, "1111", 0), (view.Result!.Outcome, view.Fields["card_number"].Length, view.Fields["card_number"].Last4, view.DigitsLost));
        await callee.ReceiveAsync(reference.Sent.Count, Timeout);
        Assert.Equal(agentSpeech, caller.Received);
        var heard = MaskingToneCheck.Timeline(callee.Received, G711Law.MuLaw);
        Assert.Equal("", TestAudio.DetectDigits(heard));
        if (Multimon.IsInstalled)
        {
            Assert.Equal("", await Multimon.DetectDigitsAsync(heard, TestContext.Current.CancellationToken));
        }

        // BYE: Kamailio sends delete; the call ends in the region and the worker's ports are free again.
        Assert.True(await uac.WaitForExitAsync(Timeout) == 0, "sipp caller failed:\n" + uac.Output + kamailio.Output);
        Assert.True(await uas.WaitForExitAsync(Timeout) == 0, "sipp callee failed:\n" + uas.Output);
        await Waiting.UntilAsync(async () => (await call.GetAsync())!.Status == CallView.Ended, "the BYE to end the call", Timeout);
        Assert.Null(sip.Calls.Find(sipCallId));
        Assert.Equal(0, sip.Worker.Relays.Ports.InUse);
        Assert.Equal(0, (await sip.Region.Directory.ListAsync()).Single().ReservedPorts);
    }

    /// <summary>The phone's packets for each digit string, as one stream: sequence and timestamps carry on from batch to batch.</summary>
    private static List<List<byte[]>> CustomerKeying(IEnumerable<string> digitStrings)
    {
        var (sequence, timestamp) = ((ushort)65500, 4294960000u);
        var batches = new List<List<byte[]>>();
        foreach (var digits in digitStrings)
        {
            var codes = TestAudio.Encode(TestAudio.CardEntry(digits), G711Law.MuLaw);
            var stream = new RtpStream(0, sequence, timestamp);
            batches.Add(PhoneCall.Packets(stream, codes, PhoneCall.CardEntryKeyPresses(digits), audio: true, events: true));
            (sequence, timestamp) = (stream.NextSequence, timestamp + (uint)codes.Length);
        }

        return batches;
    }

    private static Task<IReadOnlyList<string>> Calls(SipWorker sip, string sipCallId) =>
        sip.Region.Grains.GetGrain<ICallExternalIdIndexGrain>(ICallExternalIdIndexGrain.KeyOf(SipWorker.Tenant, sipCallId)).ListAsync();

    private static void Fill(string file, string folder, Dictionary<string, string> values)
    {
        var text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Sip", "Kamailio", file));
        foreach (var (name, value) in values)
        {
            text = text.Replace(name, value, StringComparison.Ordinal);
        }

        File.WriteAllText(Path.Combine(folder, file), text);
    }

    private static int FreeUdpPort()
    {
        using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        probe.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)probe.LocalEndPoint!).Port;
    }
}
