using PciCloud.MaskingWorker.Calls;
using PciCloud.MaskingWorker.Rtp;
using PciCloud.MaskingWorker.Tests.Support;
using PciCloud.Media.Codecs;

namespace PciCloud.MaskingWorker.Tests.Rtp;

/// <summary>
/// Garbage and mutated packets between the packets of a card entry: the processor never throws and
/// no key tone gets through. (The long run with 10^6 packets is the load tests' rtp-fuzz scenario.)
/// </summary>
public sealed class RtpFuzzTests
{
    [Fact]
    public async Task RandomAndMutatedPackets_AmongEventOnlyKeyPresses_NeverThrow_NeverForwardAnEventPacket()
    {
        var random = new Random(3);
        await using var harness = new ProcessorHarness(AudioCodec.Pcmu);
        var codes = TestAudio.Encode(TestAudio.Silence(2000), G711Law.MuLaw);
        var packets = PhoneCall.Packets(new RtpStream(0), codes, PhoneCall.CardEntryKeyPresses(), audio: true, events: true, audioDuringKeyPresses: false);

        foreach (var packet in packets)
        {
            harness.Feed(packet);
            for (var i = 0; i < 100; i++)
            {
                Assert.True(Enum.IsDefined(harness.Feed(RtpFuzz.Next(random, packet))));
            }
        }

        Assert.All(harness.Sent, p => Assert.Equal(0, ProcessorHarness.Header(p).PayloadType));
        Assert.All(harness.Sent, p => Assert.InRange(ProcessorHarness.Payload(p).Length, 1, RtpStreamProcessor.MaxPayloadSamples));
    }

    // Bit-flipped copies of tone packets are taken as new sources and repeat tone chunks with phase jumps and
    // gaps; events end early when a copy of an event packet changes the source. The masker fails closed there:
    // it stays sensitive after every source change (Discontinuity) and every signalled key press (ForceMask),
    // and then also takes a dominant pair whose offsets the phase jumps spoiled as evidence.
    [Theory]
    [InlineData(1, true)]
    [InlineData(2, true)]
    [InlineData(3, true)]
    [InlineData(5, true)]
    [InlineData(18, true)]
    [InlineData(1, false)]
    [InlineData(3, false)]
    [InlineData(19, false)]
    [InlineData(24, false)]
    public async Task RandomAndMutatedPackets_NeverThrow_NeverLetAToneThrough(int seed, bool events)
    {
        var random = new Random(seed);
        await using var harness = new ProcessorHarness(AudioCodec.Pcmu);
        var codes = TestAudio.Encode(TestAudio.CardEntry(), G711Law.MuLaw);
        var packets = PhoneCall.Packets(new RtpStream(0), codes, PhoneCall.CardEntryKeyPresses(), audio: true, events);
        var fuzzed = 0;

        foreach (var packet in packets)
        {
            harness.Feed(packet);
            for (var i = 0; i < 100; i++, fuzzed++)
            {
                var outcome = harness.Feed(RtpFuzz.Next(random, packet));
                Assert.True(Enum.IsDefined(outcome));
            }
        }

        Assert.True(fuzzed >= 10_000);
        var output = harness.OutputAudio();
        Assert.Equal("", TestAudio.DetectDigits(output));
        if (Multimon.IsInstalled)
        {
            Assert.Equal("", await Multimon.DetectDigitsAsync(output, TestContext.Current.CancellationToken));
        }
    }
}
