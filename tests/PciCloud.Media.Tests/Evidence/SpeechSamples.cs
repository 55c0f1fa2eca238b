using System.Diagnostics;
using PciCloud.Media.Wav;

namespace PciCloud.Media.Tests.Evidence;

/// <summary>Real speech from Debian's espeak-ng, resampled to 8 kHz by sox.</summary>
internal static class SpeechSamples
{
    private const string Text = "The quick brown fox jumps over the lazy dog. My card number is four two four two, " +
        "and the expiry is twelve thirty. Please hold the line while I check your account, aaah, oooh, eeee.";

    public static short[] Speak(string voice)
    {
        if (!File.Exists("/usr/bin/espeak-ng") || !File.Exists("/usr/bin/sox"))
        {
            Assert.Skip("espeak-ng and sox are not installed (.ci/run installs them)");
        }

        var folder = Directory.CreateTempSubdirectory("pcicloud-speech").FullName;
        try
        {
            var raw = Path.Combine(folder, "speech.wav");
            var wav = Path.Combine(folder, "speech8k.wav");
            Run("/usr/bin/espeak-ng", "-v", voice, "-s", "150", "-w", raw, Text);
            Run("/usr/bin/sox", raw, "-r", "8000", "-e", "signed-integer", "-b", "16", "-c", "1", wav);
            using var reader = WavReader.Open(wav);
            var samples = new short[reader.SampleCount];
            var read = reader.Read(samples);
            return samples[..read];
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static void Run(string program, params string[] arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(program, arguments) { RedirectStandardError = true })!;
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{program} failed: {process.StandardError.ReadToEnd()}");
    }
}
