using System.Buffers.Binary;
using System.Diagnostics;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using PciCloud.LoadTests.Runner;
using PciCloud.MaskingWorker.Calls;
using PciCloud.MaskingWorker.Diagnostics;
using PciCloud.MaskingWorker.Rtp;
using PciCloud.MaskingWorker.Streams;
using PciCloud.Media.Codecs;
using PciCloud.Media.Dtmf;
using PciCloud.Media.Masking;

namespace PciCloud.LoadTests.MaskingWorker;

/// <summary>
/// The long fuzz run: at least 10^6 random and mutated datagrams between the packets of looped card
/// entries, through one call's RTP processor with the real masker. Passes when nothing throws and the
/// project's detector hears no digit in the output.
/// </summary>
public sealed class RtpFuzzScenario : IScenario
{
    public string Name => "rtp-fuzz";

    public string Description => "10^6+ garbage/mutated RTP packets through the worker's RTP path: --packets 1000000";

    public async Task<int> RunAsync(ScenarioArgs args, CancellationToken cancellationToken)
    {
        var target = (long)args.Number("packets", 1_000_000);
        var random = new Random((int)args.Number("seed", 1));
        var metrics = new WorkerMetrics(new ServiceCollection().AddMetrics().BuildServiceProvider().GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>());
        var region = new LoadTestRegion(1, 0, new IPEndPoint(IPAddress.Loopback, 9), new IPEndPoint(IPAddress.Loopback, 9));
        var delivery = new KeyPressDelivery("fuzz", region, metrics, NullLogger.Instance, TimeSpan.FromSeconds(1));
        var masker = new MaskingChannelMasker(new MaskingOptions(), AudioCodec.Pcmu);
        var audio = new MaskedAudioStream("fuzz", AudioCodec.Pcmu, masker,
            new OutputLeakCheck(AudioCodec.Pcmu, masker.LookaheadSamples, OutputLeakCheckFactory.Strict), delivery, metrics, NullLogger.Instance);
        var settings = new CallMediaSettings { CallId = "fuzz", Transport = MediaTransportKind.Rtp, Codec = AudioCodec.Pcmu };
        var processor = new RtpStreamProcessor(settings, audio, metrics, 1500);
        var codes = new byte[8000 * 3];
        MuLaw.Encode([.. DtmfSynth.Sequence("4111111111111111", -10, 70, 80), .. new short[codes.Length - 19200]], codes);
        var output = new byte[RtpStreamProcessor.MaxOutputLength];
        var outputPcm = new List<short>();
        var packet = new byte[172];
        long fuzzed = 0, exceptions = 0, k = 0;
        var clock = Stopwatch.StartNew();
        while (fuzzed < target && !cancellationToken.IsCancellationRequested)
        {
            packet[0] = 0x80;
            packet[1] = 0;
            BinaryPrimitives.WriteUInt16BigEndian(packet.AsSpan(2), (ushort)k);
            BinaryPrimitives.WriteUInt32BigEndian(packet.AsSpan(4), (uint)(k * 160));
            BinaryPrimitives.WriteUInt32BigEndian(packet.AsSpan(8), 0xCAFE);
            codes.AsSpan((int)(k * 160 % codes.Length), 160).CopyTo(packet.AsSpan(12));
            k++;
            Feed(packet);
            for (var i = 0; i < 100; i++, fuzzed++)
            {
                Feed(Mutate(random, packet));
            }
        }

        await delivery.DisposeAsync();
        var digits = Detect([.. outputPcm]);
        Console.WriteLine($"fuzzed packets: {fuzzed}, valid packets: {k}, exceptions: {exceptions}, {fuzzed / clock.Elapsed.TotalSeconds:0} packets/s");
        Console.WriteLine($"dropped malformed: {metrics.Dropped(DropReason.Malformed)}, digits heard in the output: {digits.Length}, leaks: {metrics.Leaks}");
        return exceptions == 0 && digits.Length == 0 ? 0 : 1;

        void Feed(byte[] datagram)
        {
            try
            {
                if (processor.Process(datagram, output, out var written) == RtpOutcome.Forward)
                {
                    var pcm = new short[written - 12];
                    MuLaw.Decode(output.AsSpan(12, written - 12), pcm);
                    outputPcm.AddRange(pcm);
                }
            }
            catch (Exception)
            {
                exceptions++;
            }
        }
    }

    private static string Detect(short[] pcm)
    {
        var detector = new DtmfDetector();
        detector.Process(pcm);
        detector.Finish();
        var digits = "";
        while (detector.TryReadKeyPress(out var keyPress))
        {
            digits += keyPress.Digit;
        }

        return digits;
    }

    private static byte[] Mutate(Random random, byte[] valid)
    {
        var copy = random.Next(4) == 0 ? new byte[random.Next(0, 1600)] : (byte[])valid.Clone();
        if (copy.Length != valid.Length)
        {
            random.NextBytes(copy);
            return copy;
        }

        for (var i = random.Next(1, 8); i > 0; i--)
        {
            copy[random.Next(copy.Length)] ^= (byte)(1 << random.Next(8));
        }

        return random.Next(3) == 0 ? copy[..random.Next(0, copy.Length)] : copy;
    }
}
