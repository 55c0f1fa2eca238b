namespace PciCloud.Media.Masking;

/// <summary>A run of masked samples, in input-stream sample positions (sample 0 = the first input sample).</summary>
public readonly record struct MaskedSpan(long StartSample, int LengthSamples);
