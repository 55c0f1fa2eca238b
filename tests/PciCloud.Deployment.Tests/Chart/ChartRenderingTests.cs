using PciCloud.Deployment.Tests.Infrastructure;

namespace PciCloud.Deployment.Tests.Chart;

/// <summary>
/// The chart rendered for every release (us, uk, au, edge and the variants check.py lists), each object
/// validated against Kubernetes' own schemas, each env var checked against what the hosts read, and the
/// refusals the templates promise. helm itself runs only in the GitHub workflow; this runs on every submission.
/// </summary>
public sealed class ChartRenderingTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task CheckPy_EveryReleaseRendersValidObjects()
    {
        TemplateCheck.SkipUnlessRenderingTools();
        var renderer = await TemplateCheck.RendererAsync(Ct);

        var check = await Tool.RunAsync(TemplateCheck.Directory, "python3", ["check.py"],
            new Dictionary<string, string> { ["PCICLOUD_RENDER"] = renderer }, Ct);

        Assert.True(check.Succeeded, "helm/tools/template-check/check.py failed:\n" + check.Output);
        foreach (var release in new[] { "ok   us:", "ok   uk:", "ok   au:", "ok   edge:" })
        {
            Assert.Contains(release, check.Output, StringComparison.Ordinal);
        }
    }
}
