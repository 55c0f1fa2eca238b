using System.Security.Cryptography;
using System.Text;
using PciCloud.Media.Codecs;
using PciCloud.Media.Dtmf;
using PciCloud.Media.Wav;

namespace PciCloud.Media.Cli;

/// <summary>
/// A tenant's recording of a call against its certificate: raw G.711 (the payload bytes exactly as sent)
/// or a mu-law/A-law WAV (its data chunk) has a digest to compare with a leg's; a PCM16 WAV has none (the
/// G.711 bytes are gone). Any of them is run through the project's detector, which should find no digit.
/// </summary>
internal static class RecordingCheck
{
    public static (byte[]? G711, short[] Pcm) Read(string path, string codec)
    {
        var bytes = File.ReadAllBytes(path);
        if (bytes.Length >= 12 && Encoding.ASCII.GetString(bytes, 0, 4) == "RIFF" && Encoding.ASCII.GetString(bytes, 8, 4) == "WAVE")
        {
            using var reader = new WavReader(new MemoryStream(bytes));
            var pcm = new short[reader.SampleCount];
            if (reader.Encoding == WavEncoding.Pcm16)
            {
                reader.Read(pcm);
                return (null, pcm);
            }

            var codes = new byte[reader.SampleCount];
            reader.ReadCodes(codes);
            Decode(codes, pcm, reader.Encoding == WavEncoding.ALaw);
            return (codes, pcm);
        }

        var decoded = new short[bytes.Length];
        Decode(bytes, decoded, string.Equals(codec, "PCMA", StringComparison.OrdinalIgnoreCase));
        return (bytes, decoded);
    }

    public static string Sha256Hex(byte[] g711) => Convert.ToHexStringLower(SHA256.HashData(g711));

    /// <summary>The digits the project's detector finds in the audio (none in a masked recording).</summary>
    public static string DetectDigits(short[] pcm)
    {
        var detector = new DtmfDetector();
        var digits = new StringBuilder();
        for (var offset = 0; offset < pcm.Length; offset += 4000)
        {
            detector.Process(pcm.AsSpan(offset, Math.Min(4000, pcm.Length - offset)));
            while (detector.TryReadKeyPress(out var keyPress))
            {
                digits.Append(keyPress.Digit);
            }
        }

        detector.Finish();
        while (detector.TryReadKeyPress(out var keyPress))
        {
            digits.Append(keyPress.Digit);
        }

        return digits.ToString();
    }

    private static void Decode(byte[] codes, short[] pcm, bool aLaw)
    {
        if (aLaw)
        {
            ALaw.Decode(codes, pcm);
        }
        else
        {
            MuLaw.Decode(codes, pcm);
        }
    }
}
