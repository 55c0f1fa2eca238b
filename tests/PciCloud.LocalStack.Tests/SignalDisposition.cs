using System.Globalization;

namespace PciCloud.LocalStack.Tests;

/// <summary>
/// Whether a Linux process ignores a signal, from the "SigIgn" mask in <c>/proc/PID/status</c>
/// (bit n-1 set: signal n is ignored).
/// </summary>
public static class SignalDisposition
{
    public const int SigInt = 2;

    public static bool IsIgnored(int processId, int signal) =>
        IsIgnored(File.ReadAllLines($"/proc/{processId}/status"), signal);

    public static bool IsIgnored(IEnumerable<string> statusLines, int signal)
    {
        var line = statusLines.Single(l => l.StartsWith("SigIgn:", StringComparison.Ordinal));
        var mask = ulong.Parse(line["SigIgn:".Length..].Trim(), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        return (mask & (1UL << (signal - 1))) != 0;
    }
}
