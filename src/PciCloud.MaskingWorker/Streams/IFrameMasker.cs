namespace PciCloud.MaskingWorker.Streams;

/// <summary>
/// One stream's detector and masker, as the worker uses it (the media library's MaskingChannel in
/// production). The seam keeps relay and WebSocket logic testable with a deterministic masker.
/// </summary>
public interface IFrameMasker
{
    /// <summary>How many samples the output lags the input.</summary>
    int LookaheadSamples { get; }

    /// <summary>Masks one frame of G.711 codes; unmasked output codes are the original codes.</summary>
    void ProcessFrame(ReadOnlySpan<byte> g711In, Span<byte> g711Out);

    /// <summary>Masks unconditionally while on (an RFC 4733 or WebSocket key press in progress).</summary>
    void ForceMask(bool on);

    /// <summary>Holds the masker's sensitive (fail-closed) mode while a payment session captures a field.</summary>
    void HoldSensitive(bool on);

    /// <summary>The next frame does not continue the previous one (a new RTP source or a restart).</summary>
    void Discontinuity();

    bool TryReadKeyPress(out char digit, out long startSample, out int durationSamples);

    bool TryReadMaskedSpan(out long startSample, out int lengthSamples);
}
