using System.Diagnostics;

namespace PciCloud.LocalStack.Tests;

/// <summary>
/// An independent DTMF decoder: Debian's multimon-ng, after sox resamples the 8 kHz file to the
/// 22050 Hz it expects (as the team's reference script mm_detect.sh does).
/// </summary>
public static class MultimonDtmf
{
    public static async Task<string> DecodeAsync(string wavPath)
    {
        var info = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add("set -o pipefail; sox -D -R -q \"$0\" -t raw -r 22050 -e signed-integer -b 16 -c 1 - | multimon-ng -q -c -a DTMF -t raw -");
        info.ArgumentList.Add(wavPath);
        using var process = Process.Start(info)!;
        var output = await process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        Assert.True(process.ExitCode == 0, "sox | multimon-ng failed: " + await process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken));
        return string.Concat(output.Split('\n')
            .Where(l => l.StartsWith("DTMF: ", StringComparison.Ordinal))
            .Select(l => l.Trim()[^1]));
    }
}
