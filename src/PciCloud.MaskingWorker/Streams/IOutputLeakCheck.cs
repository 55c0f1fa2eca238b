namespace PciCloud.MaskingWorker.Streams;

/// <summary>
/// The independent check over a stream's output audio (the media library's OutputLeakDetector in
/// production): it never sees the masker's state, only what left the worker.
/// </summary>
public interface IOutputLeakCheck
{
    /// <summary>
    /// Takes one frame's input and output G.711 codes (the output lagging by the masker's look-ahead);
    /// returns how many new leaks (input key tones found again in the output) they completed.
    /// </summary>
    int Observe(ReadOnlySpan<byte> g711In, ReadOnlySpan<byte> g711Out);

    /// <summary>Ends the stream: any leak still being measured is counted. Returns the new leaks.</summary>
    int Flush();
}
