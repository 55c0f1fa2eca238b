namespace PciCloud.MaskingWorker.Tests.Support;

/// <summary>
/// Finds the worker's masking tone (a steady 500 Hz, MaskingSound.Tone) in output audio, 10 ms at a
/// time, and lays forwarded RTP out on its own timeline so a key press's span can be looked up.
/// </summary>
internal static class MaskingToneCheck
{
    private const int Block = 80;
    private const double Hz = 500;

    /// <summary>The share of whole 10 ms blocks inside [<paramref name="from"/>, +<paramref name="length"/>) that are the masking tone.</summary>
    public static double ShareOfTone(short[] pcm, long from, int length)
    {
        int blocks = 0, tone = 0;
        for (var start = from; start + Block <= from + length && start + Block <= pcm.Length; start += Block)
        {
            blocks++;
            tone += IsTone(pcm.AsSpan((int)start, Block)) ? 1 : 0;
        }

        return blocks == 0 ? 0 : (double)tone / blocks;
    }

    /// <summary>Payloads decoded and placed by RTP timestamp (from the first packet's), gaps silent.</summary>
    public static short[] Timeline(IReadOnlyList<byte[]> packets, Media.Codecs.G711Law law)
    {
        var first = ProcessorHarness.Header(packets[0]).Timestamp;
        var end = packets.Max(p => (long)(uint)(ProcessorHarness.Header(p).Timestamp - first) + ProcessorHarness.Payload(p).Length);
        var pcm = new short[end];
        foreach (var packet in packets)
        {
            var at = (int)(uint)(ProcessorHarness.Header(packet).Timestamp - first);
            TestAudio.Decode(ProcessorHarness.Payload(packet), law).CopyTo(pcm, at);
        }

        return pcm;
    }

    private static bool IsTone(ReadOnlySpan<short> block)
    {
        double s1 = 0, s2 = 0, energy = 0;
        var coefficient = 2 * Math.Cos(2 * Math.PI * Hz / 8000);
        foreach (var sample in block)
        {
            var s0 = sample + (coefficient * s1) - s2;
            s2 = s1;
            s1 = s0;
            energy += (double)sample * sample;
        }

        var power = (s1 * s1) + (s2 * s2) - (coefficient * s1 * s2);
        var rms = Math.Sqrt(energy / block.Length);
        return rms > 200 && power / (energy * block.Length / 2) > 0.8;
    }
}
