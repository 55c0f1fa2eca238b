namespace PciCloud.Media.Evidence;

/// <summary>
/// The leak check's framing: keeps the last 205 samples and analyzes them every 10 ms with a
/// <see cref="DtmfFrameAnalyzer"/>. Frame n ends at sample 205 + 80 n.
/// </summary>
internal sealed class SlidingDtmfFrames(OutputLeakDetectorOptions options)
{
    private const int WindowLength = DtmfFrameAnalyzer.WindowLength;

    private readonly DtmfFrameAnalyzer _analyzer = new(options);
    private readonly float[] _ring = new float[WindowLength];
    private int _next;
    private int _untilAnalysis = WindowLength;

    /// <summary>Frames analyzed so far.</summary>
    public long Frames { get; private set; }

    /// <summary>Takes one sample; when a frame completes, returns true with its number and key (-1: not DTMF-like).</summary>
    public bool Push(short sample, out long frame, out int key)
    {
        _ring[_next] = sample;
        _next = _next == WindowLength - 1 ? 0 : _next + 1;
        if (--_untilAnalysis > 0)
        {
            frame = -1;
            key = -1;
            return false;
        }

        _untilAnalysis = OutputLeakDetector.HopLength;
        key = _analyzer.Analyze(_ring, _next);
        frame = Frames++;
        return true;
    }
}
