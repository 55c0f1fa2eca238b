namespace PciCloud.LocalStack.Hosting;

/// <summary>A port the stack needs is taken (most often: another local stack is running).</summary>
public sealed class PortsBusyException(string message) : Exception(message);
