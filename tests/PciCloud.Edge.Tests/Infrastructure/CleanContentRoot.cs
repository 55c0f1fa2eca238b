using Microsoft.AspNetCore.Builder;

namespace PciCloud.Edge.Tests.Infrastructure;

/// <summary>
/// Host options whose content root is an empty directory: the edge's appsettings.json (copied next to the
/// test binaries) must not add the local stack's region addresses to a test's edge.
/// </summary>
internal static class CleanContentRoot
{
    private static readonly Lazy<string> Path = new(() => Directory.CreateTempSubdirectory("pcicloud-edge-tests-").FullName);

    public static WebApplicationOptions Options => new() { ContentRootPath = Path.Value };
}
