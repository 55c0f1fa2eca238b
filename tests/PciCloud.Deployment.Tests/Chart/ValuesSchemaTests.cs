using PciCloud.Deployment.Tests.Infrastructure;

namespace PciCloud.Deployment.Tests.Chart;

/// <summary>
/// values.schema.json, as <c>helm install</c> applies it before rendering: each shipped values file passes; a
/// typo'd key, a malformed CIDR, a malformed digest or a literal secret in an env var is refused, at its path.
/// </summary>
public sealed class ValuesSchemaTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("values-us.yaml")]
    [InlineData("values-uk.yaml")]
    [InlineData("values-au.yaml")]
    [InlineData("values-edge.yaml")]
    public async Task ShippedValuesFile_Passes(string file)
    {
        var result = await CheckAsync(file, null);

        Assert.True(result.Succeeded, result.Output);
    }

    [Theory]
    [InlineData("""{"maskingWorker":{"extraEnv":[{"name":"ConnectionStrings__redis","valueFrom":{"secretKeyRef":{"name":"pcicloud-redis","key":"connectionString"}}}]}}""")]
    [InlineData("""{"region":{"extraEnv":[{"name":"Logging__LogLevel__Default","value":"Debug"}]}}""")]
    [InlineData("""{"edge":{"image":{"digest":"sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"}}}""")]
    [InlineData("""{"maskingWorker":{"media":{"allowedSourceCidrs":["203.0.113.0/24","0.0.0.0/0","10.255.255.255/32"]}}}""")]
    public async Task WellFormedOverride_Passes(string overlay)
    {
        var result = await CheckAsync("values-uk.yaml", overlay);

        Assert.True(result.Succeeded, result.Output);
    }

    [Theory]
    // Unknown keys, at any depth (a typo would otherwise be ignored silently by the templates).
    [InlineData("""{"regoin":"uk"}""", "rejected at :")]
    [InlineData("""{"region":{"ingress":{"hostname":"uk.api.example.com"}}}""", "rejected at region.ingress:")]
    [InlineData("""{"maskingWorker":{"media":{"rtpPortRange":{"first":40000}}}}""", "rejected at maskingWorker.media.rtpPortRange:")]
    [InlineData("""{"edge":{"extraEnv":[{"name":"A","valuefrom":{}}]}}""", "rejected at edge.extraEnv.0:")]
    // Malformed CIDRs.
    [InlineData("""{"maskingWorker":{"media":{"allowedSourceCidrs":["203.0.113.256/24"]}}}""", "rejected at maskingWorker.media.allowedSourceCidrs.0:")]
    [InlineData("""{"maskingWorker":{"networkPolicy":{"egressUdpCidrs":["10.0.0.0/33"]}}}""", "rejected at maskingWorker.networkPolicy.egressUdpCidrs.0:")]
    [InlineData("""{"edge":{"networkPolicy":{"regionCidrs":["198.51.100.10"]}}}""", "rejected at edge.networkPolicy.regionCidrs.0:")]
    [InlineData("""{"edge":{"networkPolicy":{"regionCidrs":["uk.api.example.com/32"]}}}""", "rejected at edge.networkPolicy.regionCidrs.0:")]
    // Literal secrets in variables that hold a connection string or a key (the worker's Redis one passed before).
    [InlineData("""{"maskingWorker":{"extraEnv":[{"name":"ConnectionStrings__redis","value":"amr.example:10000,ssl=True"}]}}""", "rejected at maskingWorker.extraEnv.0:")]
    [InlineData("""{"region":{"extraEnv":[{"name":"Redis__ConnectionString","value":"amr.example:10000"}]}}""", "rejected at region.extraEnv.0:")]
    [InlineData("""{"region":{"extraEnv":[{"name":"Region__PlatformAdminKey","value":"pk_live_x"}]}}""", "rejected at region.extraEnv.0:")]
    [InlineData("""{"edge":{"extraEnv":[{"name":"Edge__PlatformAdminKey","value":"pk_live_x"}]}}""", "rejected at edge.extraEnv.0:")]
    [InlineData("""{"region":{"extraEnv":[{"name":"REDIS_PASSWORD","value":"x"}]}}""", "rejected at region.extraEnv.0:")]
    [InlineData("""{"region":{"extraEnv":[{"name":"Orleans__Tls__CertificatePassword","value":"x"}]}}""", "rejected at region.extraEnv.0:")]
    // A credential in the value, whatever the name.
    [InlineData("""{"region":{"extraEnv":[{"name":"Cache","value":"amr.example:10000,password=abc,ssl=True"}]}}""", "rejected at region.extraEnv.0.value:")]
    [InlineData("""{"region":{"extraEnv":[{"name":"Storage","value":"DefaultEndpointsProtocol=https;AccountKey=abc"}]}}""", "rejected at region.extraEnv.0.value:")]
    // Key Vault secrets need the vault, tenant and identity terraform gives; the edge's origin checks take only well-formed values.
    [InlineData("""{"keyVaultSecrets":{"enabled":true}}""", "rejected at keyVaultSecrets.clientId:")]
    [InlineData("""{"edge":{"regionalHosts":{"eu":"eu.api.example.com"}}}""", "rejected at edge.regionalHosts:")]
    [InlineData("""{"edge":{"regionalHosts":{"uk":"https://uk.api.example.com/"}}}""", "rejected at edge.regionalHosts.uk:")]
    [InlineData("""{"edge":{"frontDoorId":"my-front-door"}}""", "rejected at edge.frontDoorId:")]
    // Digests are sha256:<64 hex>.
    [InlineData("""{"region":{"image":{"digest":"latest"}}}""", "rejected at region.image.digest:")]
    public async Task MalformedOverride_IsRejectedAtItsPath(string overlay, string expected)
    {
        var result = await CheckAsync("values-uk.yaml", overlay);

        Assert.False(result.Succeeded, "accepted:\n" + overlay);
        Assert.Contains(expected, result.Output, StringComparison.Ordinal);
    }

    private static async Task<Tool.Result> CheckAsync(string valuesFile, string? overlay)
    {
        TemplateCheck.SkipUnlessPython();
        if (overlay is null)
        {
            return await TemplateCheck.SchemaCheckAsync([valuesFile], Ct);
        }
        var file = Path.Combine(Directory.CreateTempSubdirectory("pcicloud-values-").FullName, "overlay.json");
        await File.WriteAllTextAsync(file, overlay, Ct);
        return await TemplateCheck.SchemaCheckAsync([valuesFile, file], Ct);
    }
}
