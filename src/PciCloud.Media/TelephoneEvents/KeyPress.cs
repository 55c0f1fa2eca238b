namespace PciCloud.Media.TelephoneEvents;

/// <summary>
/// One key press as seen by one source. Times are sample positions at 8 kHz on a timeline the
/// caller keeps common to every source of the stream. <see cref="ToString"/> never shows the key.
/// </summary>
public readonly struct KeyPress
{
    public KeyPress(char key, long startSample, int durationSamples, KeyPressSource source)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(durationSamples);
        Key = key;
        StartSample = startSample;
        DurationSamples = durationSamples;
        Source = source;
    }

    /// <summary>0-9, *, #, A-D.</summary>
    public char Key { get; }

    public long StartSample { get; }

    /// <summary>0 when the source does not know it (a WebSocket dtmf frame).</summary>
    public int DurationSamples { get; }

    public long EndSample => StartSample + DurationSamples;

    public KeyPressSource Source { get; }

    public override string ToString() => $"KeyPress({Source}, start: {StartSample}, duration: {DurationSamples})";
}
