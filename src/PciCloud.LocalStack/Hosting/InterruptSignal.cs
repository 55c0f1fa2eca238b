using System.Globalization;

namespace PciCloud.LocalStack.Hosting;

/// <summary>
/// Whether Ctrl+C (SIGINT) can reach a process. A process started as a background job of a script
/// (<c>cmd &amp;</c> without job control) inherits SIGINT ignored, and .NET, like shells, keeps an
/// inherited ignored SIGINT ignored: Console.CancelKeyPress then never fires and only SIGTERM stops
/// the stack. Read from the "SigIgn" mask of <c>/proc/PID/status</c> (Linux; bit n-1 = signal n).
/// </summary>
public static class InterruptSignal
{
    private const int SigInt = 2;

    /// <summary>True when <paramref name="processId"/> ignores SIGINT; false when it does not or this is not Linux.</summary>
    public static bool IsIgnoredBy(int processId)
    {
        var status = $"/proc/{processId}/status";
        return OperatingSystem.IsLinux() && File.Exists(status) && IsIgnored(File.ReadAllLines(status));
    }

    /// <summary>Reads the "SigIgn:" line of a <c>/proc/PID/status</c> text.</summary>
    public static bool IsIgnored(IEnumerable<string> procStatusLines)
    {
        var line = procStatusLines.FirstOrDefault(l => l.StartsWith("SigIgn:", StringComparison.Ordinal));
        return line is not null
            && ulong.TryParse(line["SigIgn:".Length..].Trim(), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var mask)
            && (mask & (1UL << (SigInt - 1))) != 0;
    }
}
