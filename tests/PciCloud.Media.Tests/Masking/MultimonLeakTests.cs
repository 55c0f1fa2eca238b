using System.Diagnostics;
using PciCloud.Media.Dtmf;
using PciCloud.Media.Masking;

namespace PciCloud.Media.Tests.Masking;

/// <summary>
/// An independent decoder over the masked output: multimon-ng (Debian package, installed by .ci/run), which has
/// no level threshold and no duration check, so it also reports short or quiet remnants of a tone.
/// </summary>
public sealed class MultimonLeakTests
{
    [Fact]
    public void MaskedCardEntry_MultimonNg_FindsNoDigits()
    {
        var multimon = Tool("multimon-ng");
        var sox = Tool("sox");
        if (multimon is null || sox is null)
        {
            Assert.Skip("multimon-ng or sox is not installed (apt-get install multimon-ng sox; .ci/run installs them).");
        }

        const string card = "4242424242424242";
        var speech = Signals.Vowel(3400, 140, 320, 900, -26, seed: 11);
        var keys = DtmfSynth.Sequence(card, -12, onMs: 80, offMs: 120);
        var input = Signals.Concat(Signals.Silence(200), keys, Signals.Silence(200));
        for (var i = 0; i < Math.Min(speech.Length, input.Length); i++)
        {
            input[i] = (short)Math.Clamp(input[i] + speech[i], short.MinValue, short.MaxValue);
        }

        var masked = MaskerRun.Pcm(input, new MaskingChannel(new MaskingOptions()));

        Assert.Equal(card, Decode(input, multimon!, sox!)); // the decoder works on this signal
        Assert.Equal("", Decode(masked, multimon!, sox!));
    }

    internal static string Decode(short[] samples, string multimon, string sox)
    {
        var directory = Directory.CreateTempSubdirectory("pcicloud-multimon-");
        try
        {
            var raw8k = Path.Combine(directory.FullName, "in.raw");
            var raw22k = Path.Combine(directory.FullName, "out.raw");
            File.WriteAllBytes(raw8k, samples.SelectMany(BitConverter.GetBytes).ToArray());
            Run(sox, ["-t", "raw", "-r", "8000", "-e", "signed", "-b", "16", "-c", "1", raw8k, "-t", "raw", "-r", "22050", raw22k]);
            var output = Run(multimon, ["-q", "-t", "raw", "-a", "DTMF", raw22k]);
            return string.Concat(output.Split('\n')
                .Where(line => line.StartsWith("DTMF: ", StringComparison.Ordinal))
                .Select(line => line[6..].Trim()));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    private static string Run(string tool, string[] arguments)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        _ = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        Assert.True(process.WaitForExit(60_000), $"{tool} did not finish");
        Assert.Equal(0, process.ExitCode);
        return output.Result;
    }

    internal static string? Tool(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Select(directory => Path.Combine(directory, name))
            .FirstOrDefault(File.Exists);
}
