using System.Xml.Linq;

namespace PciCloud.Architecture.Tests;

/// <summary>The dependency rules of STYLE.md, checked by reading the project files.</summary>
public sealed class DependencyRulesTests
{
    private static readonly string Src = Path.Combine(RepositoryRoot.Find(), "src");

    // Built from parts so this file does not itself name the measuring folder a user's clone lacks.
    private static readonly string SharedFolder = ".." + "/" + "shared";

    [Theory]
    [InlineData("PciCloud.Media")]
    [InlineData("PciCloud.Payments")]
    [InlineData("PciCloud.Signalling")]
    public void BclOnlyLibrary_HasNoPackageOrProjectReferences(string project)
    {
        var (projects, packages, frameworks) = References(project);

        Assert.Empty(projects);
        Assert.Empty(packages);
        Assert.Empty(frameworks);
    }

    [Fact]
    public void Contracts_ReferencesOnlyOrleansSdk()
    {
        var (projects, packages, _) = References("PciCloud.Contracts");

        Assert.Empty(projects);
        Assert.Equal(["Microsoft.Orleans.Sdk"], packages);
    }

    [Fact]
    public void Grains_ReferenceContractsAndPayments_NotHosts()
    {
        var (projects, _, _) = References("PciCloud.Grains");

        Assert.Contains("PciCloud.Contracts", projects);
        Assert.Contains("PciCloud.Payments", projects);
        Assert.DoesNotContain(projects, p => p is "PciCloud.Region" or "PciCloud.MaskingWorker" or "PciCloud.Edge");
    }

    [Fact]
    public void Grains_KnowNoGatewayVendor_ConnectorsAreRegisteredByTheHost()
    {
        var (projects, packages, _) = References("PciCloud.Grains");

        Assert.DoesNotContain(projects, p => p.StartsWith("PciCloud.Payments.", StringComparison.Ordinal));
        Assert.DoesNotContain(packages, p => p.StartsWith("Stripe", StringComparison.Ordinal));
    }

    [Fact]
    public void MaskingWorker_NeverReferencesGrainsOrPayments()
    {
        var (projects, _, _) = References("PciCloud.MaskingWorker");

        Assert.Contains("PciCloud.Media", projects);
        Assert.Contains("PciCloud.Contracts", projects);
        Assert.DoesNotContain("PciCloud.Grains", projects);
        Assert.DoesNotContain("PciCloud.Payments", projects);
    }

    [Fact]
    public void Edge_ReferencesNoDomainProject()
    {
        var (projects, _, _) = References("PciCloud.Edge");

        Assert.All(projects, p => Assert.Equal("PciCloud.ServiceDefaults", p));
    }

    [Fact]
    public void NoSourceOrTestFile_DependsOnSharedFolder()
    {
        var root = RepositoryRoot.Find();
        var offenders = new[] { "src", "tests", "load-tests" }
            .Select(d => Path.Combine(root, d))
            .SelectMany(d => Directory.EnumerateFiles(d, "*", SearchOption.AllDirectories))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                     && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".csproj", StringComparison.Ordinal))
            .Where(f => File.ReadAllText(f).Contains(SharedFolder, StringComparison.Ordinal))
            .ToList();

        Assert.Empty(offenders);
    }

    private static (string[] Projects, string[] Packages, string[] Frameworks) References(string project)
    {
        var doc = XDocument.Load(Path.Combine(Src, project, project + ".csproj"));
        string[] Includes(string element) => doc.Descendants(element)
            .Select(e => (string?)e.Attribute("Include") ?? "")
            .Order(StringComparer.Ordinal)
            .ToArray();
        var projects = Includes("ProjectReference")
            .Select(i => Path.GetFileNameWithoutExtension(i.Replace('\\', '/')))
            .ToArray();
        return (projects, Includes("PackageReference"), Includes("FrameworkReference"));
    }
}
