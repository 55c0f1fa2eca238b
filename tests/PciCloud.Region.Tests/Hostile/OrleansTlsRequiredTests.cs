using Microsoft.Extensions.Configuration;
using PciCloud.Region.Tests.Infrastructure;
using PciCloud.ServiceDefaults;

namespace PciCloud.Region.Tests.Hostile;

/// <summary>
/// Issue 12 item 10: key presses cross the silo and gateway links. Where TLS is required (the helm chart sets
/// Orleans:Tls:Required for every deployed host) a host without its certificate and CA refuses to start rather
/// than listen in plaintext.
/// </summary>
public sealed class OrleansTlsRequiredTests
{
    [Theory]
    [InlineData(null, null)]
    [InlineData("/etc/pcicloud/orleans-tls/keystore.p12", null)]
    public void Required_WithoutCertificateOrCa_Throws(string? certificatePath, string? caPath)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Orleans:Tls:Required"] = "true",
            ["Orleans:Tls:CertificatePath"] = certificatePath,
            ["Orleans:Tls:CaCertificatePath"] = caPath,
        }).Build();

        var refused = Assert.Throws<InvalidOperationException>(() => OrleansTlsCertificates.Load(configuration));
        Assert.Contains("Orleans:Tls:Required", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NotRequired_WithoutCertificate_IsPlaintext_AsInTheLocalStack()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>()).Build();

        Assert.Null(OrleansTlsCertificates.Load(configuration));
    }

    [Fact]
    public async Task RegionHost_TlsRequiredButNotConfigured_RefusesToStart()
    {
        await using var region = new RegionApplication().With("Orleans:Tls:Required", "true");

        var refused = Assert.ThrowsAny<Exception>(() => region.Server);

        Assert.Contains("Orleans:Tls:Required", refused.ToString(), StringComparison.Ordinal);
    }
}
