namespace PciCloud.Deployment.Tests.Infrastructure;

internal static class RepositoryRoot
{
    /// <summary>Walks up from the test binary to the folder that holds PciCloud.sln.</summary>
    public static string Find()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "PciCloud.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("PciCloud.sln not found above " + AppContext.BaseDirectory);
    }
}
