namespace PciCloud.AgentAssist.Tests;

/// <summary>Where the tests leave screenshots: artifacts/agent-assist/ at the repository root (git-ignored).</summary>
public static class Artifacts
{
    public static string Directory { get; } = Create();

    public static string PathFor(string name) => System.IO.Path.Combine(Directory, name);

    private static string Create()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(System.IO.Path.Combine(dir.FullName, "PciCloud.sln")))
        {
            dir = dir.Parent;
        }
        var root = dir?.FullName ?? AppContext.BaseDirectory;
        return System.IO.Directory.CreateDirectory(System.IO.Path.Combine(root, "artifacts", "agent-assist")).FullName;
    }
}
