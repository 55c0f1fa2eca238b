using PciCloud.MaskingWorker.Calls;
using PciCloud.MaskingWorker.Diagnostics;
using PciCloud.MaskingWorker.Tests.Support;
using PciCloud.Media.Masking;

namespace PciCloud.MaskingWorker.Tests.Rtp;

/// <summary>
/// Key presses signalled only by RFC 4733 events (no tone in the audio): the far side hears the one
/// uniform masking tone for each whole key press — also when the phone sends no audio while the key is
/// down — and never an event packet.
/// </summary>
public sealed class TelephoneEventMaskingTests
{
    private static readonly int Lookahead = new MaskingChannel(new MaskingOptions()).LookaheadSamples;

    public static TheoryData<AudioCodec, bool> Phones => new()
    {
        { AudioCodec.Pcmu, true },
        { AudioCodec.Pcma, true },
        { AudioCodec.Pcmu, false },
        { AudioCodec.Pcma, false },
    };

    [Theory]
    [MemberData(nameof(Phones))]
    public async Task EventsOnly_FarSideHearsTheMaskingToneForEachWholeKeyPress_DigitsOnce_NoEventForwarded(AudioCodec codec, bool audioDuringKeyPresses)
    {
        await using var harness = new ProcessorHarness(codec);
        var keyPresses = PhoneCall.CardEntryKeyPresses();
        var pcm = TestAudio.Silence(TestAudio.CardEntry().Length / 8);
        var packets = PhoneCall.Packets(new RtpStream((byte)codec), TestAudio.Encode(pcm, harness.Law), keyPresses, audio: true, events: true, audioDuringKeyPresses);

        harness.FeedAll(packets);

        Assert.All(harness.Sent, p => Assert.Equal((byte)codec, ProcessorHarness.Header(p).PayloadType));
        var sequences = harness.Sent.Select(p => ProcessorHarness.Header(p).Sequence).ToList();
        Assert.All(sequences.Zip(sequences.Skip(1)), pair => Assert.Equal((ushort)(pair.First + 1), pair.Second));
        var output = MaskingToneCheck.Timeline(harness.Sent, harness.Law);
        foreach (var (_, start, duration) in keyPresses)
        {
            // The output is the input delayed by the look-ahead.
            Assert.Equal(1.0, MaskingToneCheck.ShareOfTone(output, start + Lookahead, duration));
        }

        Assert.Equal("", TestAudio.DetectDigits(output));
        if (Multimon.IsInstalled)
        {
            Assert.Equal("", await Multimon.DetectDigitsAsync(output, TestContext.Current.CancellationToken));
        }

        Assert.Equal(TestAudio.CardNumber, await harness.DeliveredDigitsAsync());
        Assert.Equal(16, harness.Parts.Gateway.KeyPresses.Count);
        Assert.Equal(["rfc4733"], harness.Parts.Audio.Evidence.Snapshot().Transports);
    }

    [Fact]
    public async Task EventsOnly_AudioSuppressed_TimelineStaysContinuous_AudioAfterTheKeyIsNotDelayed()
    {
        await using var harness = new ProcessorHarness(AudioCodec.Pcmu);
        var keyPresses = PhoneCall.CardEntryKeyPresses("5");
        var pcm = TestAudio.PseudoSpeech(1000);
        var codes = TestAudio.Encode(pcm, harness.Law);
        var packets = PhoneCall.Packets(new RtpStream(0), codes, keyPresses, audio: true, events: true, audioDuringKeyPresses: false);

        harness.FeedAll(packets);

        var timestamps = harness.Sent.Select(p => ProcessorHarness.Header(p).Timestamp).ToList();
        var lengths = harness.Sent.Select(p => ProcessorHarness.Payload(p).Length).ToList();
        for (var i = 1; i < timestamps.Count; i++)
        {
            Assert.Equal(timestamps[i - 1] + (uint)lengths[i - 1], timestamps[i]); // no gap, no overlap
        }

        // Speech well after the key press comes out bit-exact, delayed by the look-ahead only.
        var output = MaskingToneCheck.Timeline(harness.Sent, harness.Law);
        Assert.Equal(TestAudio.Decode(codes.AsSpan(5600, 1600), harness.Law), output.AsSpan(5600 + Lookahead, 1600).ToArray());
        Assert.True(harness.Parts.Metrics.Dropped(DropReason.CoveredByMaskingTone) > 0, "audio the tone already stood in for is not sent again");
        Assert.Equal("5", await harness.DeliveredDigitsAsync());
    }
}
