using PciCloud.LocalStack.Hosting;

namespace PciCloud.LocalStack.Tests.Hosting;

/// <summary>Test helper: are all of a stack's ports free (the stack's own check, reused)?</summary>
internal static class PortProbe
{
    public static bool AllFree(StackOptions options) => PortAvailability.BusyPorts(options).Count == 0;
}
