namespace PciCloud.Media.Wav;

/// <summary>The sample encodings the WAV reader and writer support (8 kHz mono only).</summary>
public enum WavEncoding
{
    Pcm16,
    MuLaw,
    ALaw,
}
