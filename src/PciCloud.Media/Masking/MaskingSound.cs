namespace PciCloud.Media.Masking;

/// <summary>What replaces a masked span. Both are the same for every key and carry no DTMF pair.</summary>
public enum MaskingSound
{
    /// <summary>A steady 500 Hz tone (a single frequency, well clear of both DTMF groups).</summary>
    Tone,

    /// <summary>Low-level white comfort noise.</summary>
    ComfortNoise,
}
