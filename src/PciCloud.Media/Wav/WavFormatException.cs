namespace PciCloud.Media.Wav;

/// <summary>The file is not an 8 kHz mono WAV in PCM16, mu-law or A-law (the message says why).</summary>
public sealed class WavFormatException(string message) : Exception(message);
