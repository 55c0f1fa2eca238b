using PciCloud.MaskingWorker.Calls;
using PciCloud.Media.Codecs;
using PciCloud.Media.Masking;

namespace PciCloud.MaskingWorker.Streams;

/// <summary>The media library's detector and masker behind the worker's seam; long frames are taken in pieces.</summary>
public sealed class MaskingChannelMasker(MaskingOptions options, AudioCodec codec) : IFrameMasker
{
    private readonly MaskingChannel _channel = new(options);
    private readonly G711Law _law = codec == AudioCodec.Pcma ? G711Law.ALaw : G711Law.MuLaw;
    private readonly int _maxFrame = options.MaxFrameSamples;

    public int LookaheadSamples => _channel.LookaheadSamples;

    public void ProcessFrame(ReadOnlySpan<byte> g711In, Span<byte> g711Out)
    {
        for (var offset = 0; offset < g711In.Length; offset += _maxFrame)
        {
            var length = Math.Min(_maxFrame, g711In.Length - offset);
            _channel.ProcessFrame(g711In.Slice(offset, length), g711Out.Slice(offset, length), _law);
        }
    }

    public void ForceMask(bool on) => _channel.ForceMask(on);

    public void Discontinuity() => _channel.Discontinuity();

    public void HoldSensitive(bool on) => _channel.HoldSensitive(on);

    public bool TryReadKeyPress(out char digit, out long startSample, out int durationSamples)
    {
        var read = _channel.TryReadKeyPress(out var keyPress);
        (digit, startSample, durationSamples) = (keyPress.Digit, keyPress.StartSample, keyPress.DurationSamples);
        return read;
    }

    public bool TryReadMaskedSpan(out long startSample, out int lengthSamples)
    {
        var read = _channel.TryReadMaskedSpan(out var span);
        (startSample, lengthSamples) = (span.StartSample, span.LengthSamples);
        return read;
    }
}
