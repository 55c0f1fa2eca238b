namespace PciCloud.MaskingWorker.Streams;

/// <summary>
/// Keeps the independent output check from falling behind a call's audio. The check runs on the media
/// thread, frame by frame; when it takes longer than the audio it looks at, its excess accumulates. Past
/// <see cref="MaxBacklog"/> of excess the check has fallen behind: it is skipped (the stretch recorded as
/// unchecked, the call's evidence no longer verified) until the excess is paid back in audio time, so a
/// slow check never delays the customer's audio, and never leaves a clean report it did not earn.
/// Not thread-safe: one per stream, on its media thread.
/// </summary>
public sealed class LeakCheckPace(TimeProvider time)
{
    /// <summary>How far the check may fall behind the audio before frames are left unchecked.</summary>
    public static readonly TimeSpan MaxBacklog = TimeSpan.FromMilliseconds(200);

    private const double SamplesPerMs = 8.0;

    private double _backlogMs;
    private bool _catchingUp;

    /// <summary>Excess time the check spent beyond the audio it looked at, ms.</summary>
    public double BacklogMs => _backlogMs;

    /// <summary>True when the next frame must not be checked: the check is paying back its backlog.</summary>
    public bool Behind => _catchingUp;

    public long Start() => time.GetTimestamp();

    /// <summary>The check looked at <paramref name="samples"/> samples, from <paramref name="started"/>.</summary>
    public void Checked(long started, int samples)
    {
        var spentMs = time.GetElapsedTime(started).TotalMilliseconds;
        _backlogMs = Math.Max(0, _backlogMs + spentMs - (samples / SamplesPerMs));
        _catchingUp = _backlogMs > MaxBacklog.TotalMilliseconds;
    }

    /// <summary>A frame of <paramref name="samples"/> went unchecked: its audio time pays back the backlog.</summary>
    public void Skipped(int samples)
    {
        _backlogMs = Math.Max(0, _backlogMs - (samples / SamplesPerMs));
        _catchingUp = _backlogMs > 0;
    }
}
