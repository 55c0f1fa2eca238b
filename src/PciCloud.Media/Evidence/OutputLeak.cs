namespace PciCloud.Media.Evidence;

/// <summary>
/// One run of DTMF-like frames found in output audio. Deliberately carries no key: the check
/// proves that something leaked, and must not itself become a record of card digits.
/// </summary>
/// <param name="StartSample">First sample of the run's first analysis window (stream sample position).</param>
/// <param name="EndSample">One past the last sample of the run's last analysis window.</param>
/// <param name="Frames">Consecutive DTMF-like 10 ms frames in the run.</param>
/// <param name="PeakDbm0">The loudest frame's total power in the run, dBm0.</param>
public readonly record struct OutputLeak(long StartSample, long EndSample, int Frames, double PeakDbm0);
