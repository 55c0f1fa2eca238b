using PciCloud.MaskingWorker.Calls;
using PciCloud.MaskingWorker.Streams;
using PciCloud.MaskingWorker.Tests.Support;
using PciCloud.Media.Codecs;
using PciCloud.Media.Dtmf;
using PciCloud.Media.Masking;

namespace PciCloud.MaskingWorker.Tests.Streams;

/// <summary>The evidence check must be able to fail: bad masks are caught, a perfect one is not flagged.</summary>
public sealed class MaskingEvidenceTests
{
    [Theory]
    [InlineData(40.0, 0)]     // tones attenuated by 40 dB instead of removed
    [InlineData(double.PositiveInfinity, 80)] // removed, but the mask starts 10 ms late
    [InlineData(0.0, 0)]      // not masked at all
    public async Task BadMasking_IsReportedAsLeaks(double attenuationDb, int lateSamples)
    {
        var leaks = await RunAsync(attenuationDb, lateSamples);

        Assert.True(leaks > 0, $"the evidence check found {leaks} leaks in a bad mask");
    }

    [Fact]
    public async Task PerfectMasking_ReportsNoLeaks()
    {
        Assert.Equal(0, await RunAsync(double.PositiveInfinity, 0));
    }

    [Theory]
    [InlineData(AudioCodec.Pcmu)]
    [InlineData(AudioCodec.Pcma)]
    public async Task RealMasker_CardEntry_ReportsNoLeaksAndEveryKeyPress(AudioCodec codec)
    {
        await using var harness = new ProcessorHarness(codec, new OutputLeakCheck(codec, DtmfSynth.Samples(new MaskingOptions().LookaheadMilliseconds), OutputLeakCheckFactory.Strict));
        var codes = TestAudio.Encode(TestAudio.CardEntry(), harness.Law);

        harness.FeedAll(new RtpStream((byte)codec).AudioPackets(codes).Select(p => p.Packet));
        harness.Parts.Audio.Complete();

        var summary = harness.Parts.Audio.Evidence.Snapshot();
        Assert.Equal(0, summary.Leaks);
        Assert.Equal(16, summary.KeyPressesMasked);
        Assert.NotEmpty(summary.Spans);
        Assert.True(summary.WorstOnsetMs <= 10, $"worst onset {summary.WorstOnsetMs} ms");
    }

    private static async Task<int> RunAsync(double attenuationDb, int lateSamples)
    {
        const AudioCodec codec = AudioCodec.Pcmu;
        var tones = PhoneCall.CardEntryKeyPresses().Select(k => (k.Start, k.Duration)).ToList();
        var masker = new GroundTruthMasker(codec, tones, attenuationDb, lateSamples);
        await using var parts = new WorkerParts(codec, leakCheck: new OutputLeakCheck(codec, masker.LookaheadSamples, OutputLeakCheckFactory.Strict), masker: masker);
        var codes = TestAudio.Encode(TestAudio.CardEntry(), G711Law.MuLaw);
        var output = new byte[160];
        for (var offset = 0; offset + 160 <= codes.Length; offset += 160)
        {
            parts.Audio.Process(codes.AsSpan(offset, 160), output);
        }

        parts.Audio.Complete();
        return parts.Audio.Evidence.Snapshot().Leaks;
    }
}
