namespace PciCloud.MaskingWorker.Streams;

/// <summary>
/// The independent check over a stream's output audio (the media library's OutputLeakDetector in
/// production): it never sees the masker's state, only what left the worker.
/// </summary>
public interface IOutputLeakCheck
{
    /// <summary>Takes output G.711 codes; returns how many new leaks (key tones found in the output) they completed.</summary>
    int Observe(ReadOnlySpan<byte> g711Out);

    /// <summary>Ends the stream: any leak still being measured is counted. Returns the new leaks.</summary>
    int Flush();
}
