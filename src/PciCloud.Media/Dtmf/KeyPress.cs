namespace PciCloud.Media.Dtmf;

/// <summary>
/// One key press as the detector reports it, once, when the tone has ended.
/// Positions are input-stream sample positions at 8 kHz (sample 0 = the stream's first sample).
/// </summary>
public readonly record struct KeyPress(char Digit, long StartSample, int DurationSamples);
