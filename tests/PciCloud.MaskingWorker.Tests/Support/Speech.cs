using System.Diagnostics;

namespace PciCloud.MaskingWorker.Tests.Support;

/// <summary>Real synthetic speech from Debian's espeak-ng (installed by .ci/run), resampled by sox to 8 kHz.</summary>
internal static class Speech
{
    public const string Sentence =
        "Thank you for calling. Please have your card ready. The agent will now take your payment, "
        + "and your details stay private. Is there anything else I can help you with today?";

    public static bool IsInstalled => File.Exists("/usr/bin/espeak-ng") && File.Exists("/usr/bin/sox");

    public static async Task<short[]> SayAsync(string text, CancellationToken cancellationToken)
    {
        var wav = Path.Combine(Path.GetTempPath(), $"speech-{Guid.NewGuid():N}.wav");
        var raw = Path.ChangeExtension(wav, ".raw");
        try
        {
            await RunAsync("espeak-ng", ["-w", wav, text], cancellationToken);
            await RunAsync("sox", ["-D", "-q", wav, "-r", "8000", "-c", "1", "-b", "16", "-e", "signed-integer", "-t", "raw", raw], cancellationToken);
            var bytes = await File.ReadAllBytesAsync(raw, cancellationToken);
            var pcm = new short[bytes.Length / 2];
            Buffer.BlockCopy(bytes, 0, pcm, 0, pcm.Length * 2);
            return pcm;
        }
        finally
        {
            File.Delete(wav);
            File.Delete(raw);
        }
    }

    private static async Task RunAsync(string file, string[] args, CancellationToken cancellationToken)
    {
        using var process = Process.Start(new ProcessStartInfo(file, args) { RedirectStandardError = true, RedirectStandardOutput = true })!;
        await process.WaitForExitAsync(cancellationToken);
        Assert.Equal(0, process.ExitCode);
    }
}
