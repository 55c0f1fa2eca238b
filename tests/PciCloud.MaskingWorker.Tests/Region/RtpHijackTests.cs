using System.Net;
using System.Net.Sockets;
using PciCloud.MaskingWorker.Calls;
using PciCloud.MaskingWorker.Diagnostics;
using PciCloud.MaskingWorker.Tests.Support;
using PciCloud.Media.Codecs;

namespace PciCloud.MaskingWorker.Tests.Region;

/// <summary>
/// Issue 13's spray: a stranger learns a port from a call of its own, then sends valid PCMU and RFC 4733
/// key presses every 20 ms to every port of the worker's range, before and while another tenant's call
/// starts. That call names its expected source (a new tenant's policy requires it): the customer's audio
/// and key presses are carried, the stranger's never.
/// </summary>
public sealed class RtpHijackTests
{
    private const byte AttackerAudio = 0x42; // a full packet of it is never in the customer's card entry
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Spray_OnEveryPortOfTheRange_CustomerAudioReachesTheAgent_AttackersNever_AttackersKeysNeverReachTheSession()
    {
        var (first, last) = FreeUdpRange(16);
        await using var region = await RegionSilo.StartAsync();
        await using var worker = await ConnectedWorker.StartAsync(region, "worker-spray", TimeSpan.FromMilliseconds(200),
            [$"--MaskingWorker:RtpPortStart={first}", $"--MaskingWorker:RtpPortEnd={last}"]);
        using var agent = new UdpPeer();
        using var phone = new UdpPeer();
        using var attackersAgent = new UdpPeer();

        // The attacker's own call tells it where the worker's ports are.
        var (_, own) = await RegionCalls.StartRtpCallAsync(region, "call_" + Guid.NewGuid().ToString("N"), "PCMU", attackersAgent.EndPoint, null);
        Assert.InRange(own.RtpPort!.Value, first, last);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var spray = SprayAsync(first, last, stop.Token);
        await Waiting.UntilAsync(() => Task.FromResult(worker.Metrics.PacketsIn > 0), "the spray to reach the worker (its own call's port)");

        var callId = "call_" + Guid.NewGuid().ToString("N");
        var (call, reservation) = await RegionCalls.StartRtpCallAsync(region, callId, "PCMU", agent.EndPoint, null, expectFrom: "127.0.0.1");
        var session = await RegionCalls.OpenCapturingSessionAsync(region, call, callId);
        var packets = PhoneCall.Packets(new RtpStream(0), TestAudio.Encode(TestAudio.CardEntry(), G711Law.MuLaw), PhoneCall.CardEntryKeyPresses(), audio: true, events: true);
        await using var reference = new ProcessorHarness(AudioCodec.Pcmu);
        reference.FeedAll(packets);
        await phone.SendAllAsync(packets, new IPEndPoint(IPAddress.Loopback, reservation.RtpPort!.Value));
        await agent.ReceiveAsync(reference.Sent.Count, Timeout);

        var view = await RegionCalls.WaitForSessionAsync(session, v => v.Fields["card_number"].State == "complete", Timeout);
        await stop.CancelAsync();
        var sprayed = await spray;

        var number = view.Fields["card_number"];
        Assert.Equal((16, "1111", "visa"), (number.Length, number.Last4, number.Brand));
        Assert.DoesNotContain(agent.Received, p => ProcessorHarness.Payload(p).All(b => b == AttackerAudio));
        Assert.Equal(0, TestAudio.DetectDigits(MaskingToneCheck.Timeline(agent.Received, G711Law.MuLaw)).Length);
        Assert.True(sprayed > 0 && worker.Metrics.Dropped(DropReason.UnexpectedSource) > 0, "the attacker's packets reached the call's port and were dropped and counted");
    }

    /// <summary>From another host (127.0.0.2): 20 ms rounds of an audio packet and a '9' key-press event to every even port.</summary>
    private static async Task<int> SprayAsync(int first, int last, CancellationToken cancellationToken)
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        socket.Bind(new IPEndPoint(IPAddress.Parse("127.0.0.2"), 0));
        var stream = new RtpStream(0, ssrc: 0x0BADF00D);
        var audio = Enumerable.Repeat(AttackerAudio, RtpStream.SamplesPerPacket).ToArray();
        var sent = 0;
        for (long at = 0; !cancellationToken.IsCancellationRequested; at += RtpStream.SamplesPerPacket)
        {
            var datagrams = new[] { stream.Audio(audio, at), stream.Event('9', at - (at % 1600), (int)(at % 1600), end: false) };
            for (var port = first + (first % 2); port <= last; port += 2)
            {
                foreach (var datagram in datagrams)
                {
                    await socket.SendToAsync(datagram, SocketFlags.None, new IPEndPoint(IPAddress.Loopback, port), CancellationToken.None);
                    sent++;
                }
            }

            try
            {
                await Task.Delay(20, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        return sent;
    }

    private static (int First, int Last) FreeUdpRange(int count)
    {
        for (var attempt = 0; attempt < 200; attempt++)
        {
            var first = 20000 + (2 * Random.Shared.Next(0, 15000));
            var probes = new List<Socket>();
            try
            {
                for (var port = first; port < first + count; port++)
                {
                    var probe = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
                    probes.Add(probe);
                    probe.Bind(new IPEndPoint(IPAddress.Loopback, port));
                }

                return (first, first + count - 1);
            }
            catch (SocketException)
            {
                // taken: another range
            }
            finally
            {
                probes.ForEach(p => p.Dispose());
            }
        }

        throw new InvalidOperationException("no free UDP port range found");
    }
}
