namespace PciCloud.Deployment.Tests.Infrastructure;

/// <summary>
/// helm/tools/template-check: the Go stand-in for <c>helm template</c> (built once per test run), check.py
/// and schema_check.py (python3 with yaml and jsonschema), validate.mjs (node with kubernetes-models from
/// <c>npm ci</c>). .ci/run installs all of them; a test skips, saying which one is missing, only when a tool
/// is absent from the machine.
/// </summary>
internal static class TemplateCheck
{
    public static readonly string Directory = Path.Combine(RepositoryRoot.Find(), "helm", "tools", "template-check");

    private static readonly SemaphoreSlim BuildLock = new(1, 1);
    private static string? _renderer;

    public static void SkipUnlessPython()
    {
        if (!Tool.OnPath("python3"))
        {
            Assert.Skip("python3 is not installed (the chart checks run on python3 with yaml and jsonschema; .ci/run installs them)");
        }
    }

    public static void SkipUnlessRenderingTools()
    {
        SkipUnlessPython();
        if (!Tool.OnPath("go"))
        {
            Assert.Skip("go is not installed (apt-get install golang-go): the chart cannot be rendered here");
        }
        if (!Tool.OnPath("node") || !System.IO.Directory.Exists(Path.Combine(Directory, "node_modules", "kubernetes-models")))
        {
            Assert.Skip("node or kubernetes-models is missing (run: npm ci --prefix helm/tools/template-check)");
        }
    }

    /// <summary>Builds the renderer (go build) once, into a folder of its own.</summary>
    public static async Task<string> RendererAsync(CancellationToken cancellationToken)
    {
        await BuildLock.WaitAsync(cancellationToken);
        try
        {
            if (_renderer is null)
            {
                var output = Path.Combine(System.IO.Directory.CreateTempSubdirectory("pcicloud-render-").FullName, "pcicloud-render");
                var cache = Path.Combine(Path.GetTempPath(), "pcicloud-go-build-cache");
                var build = await Tool.RunAsync(Directory, "go", ["build", "-o", output, "."],
                    new Dictionary<string, string> { ["GOCACHE"] = cache }, cancellationToken);
                Assert.True(build.Succeeded, "go build of helm/tools/template-check failed:\n" + build.Output);
                _renderer = output;
            }
            return _renderer;
        }
        finally
        {
            BuildLock.Release();
        }
    }

    public static Task<Tool.Result> SchemaCheckAsync(IEnumerable<string> valuesFiles, CancellationToken cancellationToken) =>
        Tool.RunAsync(Directory, "python3", ["schema_check.py", .. valuesFiles], cancellationToken: cancellationToken);
}
