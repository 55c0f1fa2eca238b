using System.Diagnostics;

namespace PciCloud.MaskingWorker.Tests.Support;

/// <summary>
/// Debian's multimon-ng as an independent DTMF decoder: 8 kHz PCM is resampled by sox to the
/// 22 050 Hz multimon-ng's demodulator runs at (both are installed by .ci/run).
/// </summary>
internal static class Multimon
{
    public static bool IsInstalled => File.Exists("/usr/bin/multimon-ng") && File.Exists("/usr/bin/sox");

    public static async Task<string> DetectDigitsAsync(short[] pcm, CancellationToken cancellationToken)
    {
        var raw = Path.Combine(Path.GetTempPath(), $"mm-{Guid.NewGuid():N}.raw");
        var bytes = new byte[pcm.Length * 2];
        Buffer.BlockCopy(pcm, 0, bytes, 0, bytes.Length);
        await File.WriteAllBytesAsync(raw, bytes, cancellationToken);
        try
        {
            var script = $"sox -D -R -q -t raw -r 8000 -e signed-integer -b 16 -c 1 '{raw}' -t raw -r 22050 -e signed-integer -b 16 -c 1 - "
                + "| multimon-ng -q -c -a DTMF -t raw - ";
            var start = new ProcessStartInfo("/bin/bash", ["-o", "pipefail", "-c", script])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            using var process = Process.Start(start)!;
            var output = await process.StandardOutput.ReadToEndAsync(cancellationToken);
            await process.WaitForExitAsync(cancellationToken);
            return string.Concat(output.Split('\n')
                .Where(l => l.StartsWith("DTMF: ", StringComparison.Ordinal) && l.Length == 7)
                .Select(l => l[6]));
        }
        finally
        {
            File.Delete(raw);
        }
    }
}
