using PciCloud.MaskingWorker.Calls;
using PciCloud.MaskingWorker.Streams;
using PciCloud.Media.Codecs;

namespace PciCloud.MaskingWorker.Tests.Support;

/// <summary>
/// A deliberately flawed masker for testing the evidence check: it knows where the tones are and
/// "masks" them badly — attenuated instead of removed, or starting late — like naive_mask.py.
/// With attenuation of infinity and no delay it is a perfect mask (the control).
/// </summary>
internal sealed class GroundTruthMasker(AudioCodec codec, IReadOnlyList<(long Start, int Length)> tones, double attenuationDb, int lateSamples) : IFrameMasker
{
    private long _position;

    public int LookaheadSamples => 0;

    public void ProcessFrame(ReadOnlySpan<byte> g711In, Span<byte> g711Out)
    {
        var gain = double.IsPositiveInfinity(attenuationDb) ? 0 : Math.Pow(10, -attenuationDb / 20);
        for (var i = 0; i < g711In.Length; i++, _position++)
        {
            var inTone = tones.Any(t => _position >= t.Start + lateSamples && _position < t.Start + t.Length);
            if (!inTone)
            {
                g711Out[i] = g711In[i];
                continue;
            }

            var sample = codec == AudioCodec.Pcma ? ALaw.Decode(g711In[i]) : MuLaw.Decode(g711In[i]);
            var scaled = (short)Math.Round(sample * gain);
            g711Out[i] = codec == AudioCodec.Pcma ? ALaw.Encode(scaled) : MuLaw.Encode(scaled);
        }
    }

    public void ForceMask(bool on)
    {
    }

    public void HoldSensitive(bool on)
    {
    }

    public void Discontinuity()
    {
    }

    public bool TryReadKeyPress(out char digit, out long startSample, out int durationSamples)
    {
        (digit, startSample, durationSamples) = ('\0', 0, 0);
        return false;
    }

    public bool TryReadMaskedSpan(out long startSample, out int lengthSamples)
    {
        (startSample, lengthSamples) = (0, 0);
        return false;
    }
}
