using PciCloud.Media.Dtmf;
using PciCloud.Media.Wav;

namespace PciCloud.LocalStack.Demo;

/// <summary>Writes the call's audio files and runs the project's own DTMF detector over them.</summary>
public static class AudioEvidence
{
    public static void WriteWav(string path, short[] samples)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        using var writer = new WavWriter(path, WavEncoding.Pcm16, samples.Length);
        writer.Write(samples);
        writer.Complete();
    }

    /// <summary>How many key presses the detector finds in a WAV file (never which keys).</summary>
    public static int CountKeyPresses(string path)
    {
        using var reader = WavReader.Open(path);
        var detector = new DtmfDetector();
        var buffer = new short[4096];
        var count = 0;
        int read;
        while ((read = reader.Read(buffer)) > 0)
        {
            detector.Process(buffer.AsSpan(0, read));
            while (detector.TryReadKeyPress(out _))
            {
                count++;
            }
        }
        detector.Finish();
        while (detector.TryReadKeyPress(out _))
        {
            count++;
        }
        return count;
    }
}
