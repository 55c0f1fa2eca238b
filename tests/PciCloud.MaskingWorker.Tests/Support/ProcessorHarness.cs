using PciCloud.MaskingWorker.Calls;
using PciCloud.MaskingWorker.Rtp;
using PciCloud.MaskingWorker.Streams;
using PciCloud.Media.Codecs;
using PciCloud.Media.Rtp;

namespace PciCloud.MaskingWorker.Tests.Support;

/// <summary>Feeds datagrams to one call's <see cref="RtpStreamProcessor"/> and keeps what it would send.</summary>
internal sealed class ProcessorHarness : IAsyncDisposable
{
    private readonly byte[] _output = new byte[RtpStreamProcessor.MaxOutputLength];

    public ProcessorHarness(AudioCodec codec, IOutputLeakCheck? leakCheck = null, int eventPayloadType = 101)
    {
        Parts = new WorkerParts(codec, leakCheck: leakCheck);
        Processor = new RtpStreamProcessor(Parts.Settings() with { TelephoneEventPayloadType = eventPayloadType }, Parts.Audio, Parts.Metrics, 1500);
    }

    public WorkerParts Parts { get; }

    public RtpStreamProcessor Processor { get; }

    public List<byte[]> Sent { get; } = [];

    public G711Law Law => Parts.Codec == AudioCodec.Pcma ? G711Law.ALaw : G711Law.MuLaw;

    public RtpOutcome Feed(ReadOnlySpan<byte> datagram)
    {
        var outcome = Processor.Process(datagram, _output, out var written);
        if (outcome == RtpOutcome.Forward)
        {
            Sent.Add(_output.AsSpan(0, written).ToArray());
        }

        return outcome;
    }

    public void FeedAll(IEnumerable<byte[]> datagrams)
    {
        foreach (var datagram in datagrams)
        {
            Feed(datagram);
        }
    }

    /// <summary>The payload bytes sent, in order: what the agent's side plays.</summary>
    public byte[] OutputCodes() => [.. Sent.SelectMany(p => Payload(p))];

    public short[] OutputAudio() => TestAudio.Decode(OutputCodes(), Law);

    public async Task<string> DeliveredDigitsAsync()
    {
        await Parts.DisposeAsync();
        return Parts.Gateway.Digits(Parts.CallId);
    }

    public ValueTask DisposeAsync() => Parts.DisposeAsync();

    public static byte[] Payload(byte[] packet)
    {
        Assert.True(RtpPacket.TryParse(packet, out var parsed, out _));
        return parsed.Payload.ToArray();
    }

    public static (ushort Sequence, uint Timestamp, uint Ssrc, byte PayloadType) Header(byte[] packet)
    {
        Assert.True(RtpPacket.TryParse(packet, out var parsed, out _));
        return (parsed.SequenceNumber, parsed.Timestamp, parsed.Ssrc, parsed.PayloadType);
    }
}
