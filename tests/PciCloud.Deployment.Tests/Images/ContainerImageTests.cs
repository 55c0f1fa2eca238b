using System.Xml.Linq;
using PciCloud.Deployment.Tests.Infrastructure;

namespace PciCloud.Deployment.Tests.Images;

/// <summary>
/// The image settings of each host (dotnet publish -t:PublishContainer reads them from the project file):
/// a base image without a shell, a non-root user that is the one the chart runs as, the HTTP port, a license.
/// Building the images needs the base image from the registry, which the GitHub workflow reaches.
/// </summary>
public sealed class ContainerImageTests
{
    private static readonly string Root = RepositoryRoot.Find();

    [Theory]
    [InlineData("PciCloud.Edge", "pcicloud-edge")]
    [InlineData("PciCloud.Region", "pcicloud-region")]
    [InlineData("PciCloud.MaskingWorker", "pcicloud-masking-worker")]
    public void Host_BuildsAChiseledNonRootImage(string project, string repository)
    {
        var xml = XDocument.Load(Path.Combine(Root, "src", project, project + ".csproj"));
        string? Property(string name) => xml.Descendants(name).SingleOrDefault()?.Value;
        string? Label(string name) => xml.Descendants("ContainerLabel")
            .SingleOrDefault(l => (string?)l.Attribute("Include") == name)?.Attribute("Value")?.Value;

        Assert.Equal(repository, Property("ContainerRepository"));
        Assert.Matches(@"^mcr\.microsoft\.com/dotnet/aspnet:10\.0-[a-z]+-chiseled$", Property("ContainerBaseImage"));
        Assert.Equal(ChartRunAsUser(), Property("ContainerUser"));
        Assert.Contains(xml.Descendants("ContainerPort"), p => (string?)p.Attribute("Include") == "8080" && (string?)p.Attribute("Type") == "tcp");
        Assert.Equal("Apache-2.0", Label("org.opencontainers.image.licenses"));
    }

    [Fact]
    public void Repository_HasTheApacheLicense()
    {
        var license = File.ReadAllText(Path.Combine(Root, "LICENSE"));

        Assert.Contains("Apache License", license, StringComparison.Ordinal);
        Assert.Contains("Version 2.0, January 2004", license, StringComparison.Ordinal);
    }

    /// <summary>podSecurityContext.runAsUser of the chart's values.yaml (a numeric uid, so runAsNonRoot can be verified).</summary>
    private static string ChartRunAsUser()
    {
        var line = File.ReadLines(Path.Combine(Root, "helm", "pcicloud", "values.yaml"))
            .Single(l => l.StartsWith("  runAsUser: ", StringComparison.Ordinal));
        var uid = line["  runAsUser: ".Length..].Trim();
        Assert.True(int.Parse(uid, System.Globalization.CultureInfo.InvariantCulture) > 0, "the chart runs as root");
        return uid;
    }
}
