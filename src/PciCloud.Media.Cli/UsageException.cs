namespace PciCloud.Media.Cli;

/// <summary>The command line is wrong (unknown command or option, missing or invalid value).</summary>
public sealed class UsageException(string message) : Exception(message);
