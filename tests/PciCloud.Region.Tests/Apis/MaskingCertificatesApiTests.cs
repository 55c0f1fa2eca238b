using System.Buffers.Text;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using PciCloud.Contracts.Calls;
using PciCloud.Media.Certificates;
using PciCloud.Region.Certificates;
using PciCloud.Region.Tests.Infrastructure;

namespace PciCloud.Region.Tests.Apis;

/// <summary>GET /v1/calls/{id}/masking-certificate and GET /.well-known/jwks.json, end to end through the region host.</summary>
public sealed class MaskingCertificatesApiTests(SharedRegion region)
{
    private static readonly MediaLegDigest Forward = new("forward", "127.0.0.1:5004", 64_000, 400, new string('a', 64));
    private static readonly MediaLegDigest Record = new("record", "127.0.0.1:5006", 64_000, 400, new string('b', 64));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Certificate_OfAnActiveCall_VerifiesAgainstTheRegionsJwks_AndStatesTheEvidence()
    {
        var client = region.ClientWithKey(RegionApplication.KeyA);
        var id = await NewRtpCallAsync(client);
        await region.Grains.GetGrain<ICallGrain>(id).ReportMaskingSummary(Evidence(final: false));

        var response = await (await client.GetAsync($"/v1/calls/{id}/masking-certificate", Ct)).BodyAsync();
        var payload = await VerifiedPayloadAsync((string)response["certificate"]!);

        Assert.False((bool)response["final"]!);
        Assert.Equal(Sha256((string)response["certificate"]!), (string?)response["sha256"]);
        Assert.Equal(id, (string?)payload["callId"]);
        Assert.Equal(RegionApplication.TenantA, (string?)payload["tenantId"]);
        Assert.Equal("us", (string?)payload["region"]);
        Assert.False((bool)payload["final"]!);
        Assert.Null(payload["endedAt"]);
        Assert.Equal(3, (int)payload["keyPressesMasked"]!);
        Assert.Equal(2, (int)payload["keyPressesMaskedByTransport"]!["inband"]!);
        Assert.Equal(1234.5, (double)payload["maskedSpans"]![0]!["startMs"]!);
        Assert.Equal(0, (int)payload["leaks"]!);
        Assert.False((bool)payload["verified"]!); // the worker's last report is not in yet
        Assert.Equal("60", (string?)payload["masker"]!["settings"]!["lookaheadMs"]);
        Assert.Equal(Forward.Sha256, (string?)payload["legs"]![0]!["sha256"]);
        Assert.Equal("record", (string?)payload["legs"]![1]!["leg"]);
        Assert.Equal(64_000, (long)payload["legs"]![1]!["bytes"]!);
    }

    [Fact]
    public async Task FinalCertificate_IsIssuedOnce_AfterTheEndAndTheWorkersLastReport_AndItsDigestIsInTheAuditChain()
    {
        var client = region.ClientWithKey(RegionApplication.KeyA);
        var id = await NewRtpCallAsync(client);
        var call = region.Grains.GetGrain<ICallGrain>(id);
        (await client.PostJsonAsync($"/v1/calls/{id}/end", new { })).EnsureSuccessStatusCode();
        await call.ReportMaskingSummary(Evidence(final: true));
        await call.ReportMaskingSummary(Evidence(final: false) with { Leaks = 5 }); // a late report cannot change it

        var first = await (await client.GetAsync($"/v1/calls/{id}/masking-certificate", Ct)).BodyAsync();
        var again = await (await client.GetAsync($"/v1/calls/{id}/masking-certificate", Ct)).BodyAsync();
        var payload = await VerifiedPayloadAsync((string)first["certificate"]!);
        var audit = (await AuditPages.AllAsync(client));

        Assert.True((bool)first["final"]!);
        Assert.Equal((string?)first["certificate"], (string?)again["certificate"]);
        Assert.True((bool)payload["verified"]!);
        Assert.Equal(0, (int)payload["leaks"]!);
        Assert.NotNull((string?)payload["endedAt"]);
        var issued = Assert.Single(audit, e => (string?)e!["action"] == "masking_certificate.issued" && (string?)e["objectId"] == id);
        Assert.Equal("sha256:" + (string?)first["sha256"], (string?)issued!["outcome"]);
    }

    [Fact]
    public async Task Certificate_AsJose_IsTheBareJws()
    {
        var client = region.ClientWithKey(RegionApplication.KeyA);
        var id = await NewRtpCallAsync(client);
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/v1/calls/{id}/masking-certificate");
        request.Headers.Accept.ParseAdd("application/jose");

        var response = await client.SendAsync(request, Ct);
        var jws = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal("application/jose", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(id, (string?)(await VerifiedPayloadAsync(jws))["callId"]);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public async Task Certificate_OneByteChangedInHeaderOrPayload_FailsVerification(int part)
    {
        var client = region.ClientWithKey(RegionApplication.KeyA);
        var id = await NewRtpCallAsync(client);
        var jws = (string)(await (await client.GetAsync($"/v1/calls/{id}/masking-certificate", Ct)).BodyAsync())["certificate"]!;
        var parts = jws.Split('.');
        var bytes = Base64Url.DecodeFromChars(parts[part]);
        bytes[^2] ^= 0x04;
        parts[part] = Base64Url.EncodeToString(bytes);

        var keys = EcJsonWebKey.ParseSet(await region.CreateClient().GetStringAsync("/.well-known/jwks.json", Ct));

        Assert.False(Es256Jws.Verify(string.Join('.', parts), kid => keys.GetValueOrDefault(kid)).Valid);
    }

    [Fact]
    public async Task Certificate_OfAnotherTenantsCall_IsNotFound_LikeAnUnknownOne()
    {
        var a = region.ClientWithKey(RegionApplication.KeyA);
        var b = region.ClientWithKey(RegionApplication.KeyB);
        var id = await NewRtpCallAsync(a);

        await (await b.GetAsync($"/v1/calls/{id}/masking-certificate", Ct)).AssertProblemAsync(404, "not_found");
        await (await a.GetAsync("/v1/calls/call_doesnotexist000/masking-certificate", Ct)).AssertProblemAsync(404, "not_found");
        Assert.Equal(HttpStatusCode.Unauthorized, (await region.CreateClient().GetAsync($"/v1/calls/{id}/masking-certificate", Ct)).StatusCode);
    }

    [Fact]
    public async Task KeyRotation_OldCertificatesStayVerifiable_NewOnesNameTheNewKey()
    {
        var client = region.ClientWithKey(RegionApplication.KeyA);
        var before = (string)(await (await client.GetAsync($"/v1/calls/{await NewRtpCallAsync(client)}/masking-certificate", Ct)).BodyAsync())["certificate"]!;

        var rotated = ((LocalSigningKeyRing)region.Services.GetRequiredService<ISigningKeyRing>()).Rotate();
        var after = (string)(await (await client.GetAsync($"/v1/calls/{await NewRtpCallAsync(client)}/masking-certificate", Ct)).BodyAsync())["certificate"]!;

        await VerifiedPayloadAsync(before);
        await VerifiedPayloadAsync(after);
        Assert.Equal(rotated.KeyId, Header(after)["kid"]!.GetValue<string>());
        Assert.NotEqual(rotated.KeyId, Header(before)["kid"]!.GetValue<string>());
    }

    [Fact]
    public async Task Jwks_IsPublicAndHoldsOnlyPublicKeys()
    {
        var response = await region.CreateClient().GetAsync("/.well-known/jwks.json", Ct);
        var set = JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.All(set["keys"]!.AsArray(), k =>
        {
            Assert.Equal("EC", (string?)k!["kty"]);
            Assert.Equal("ES256", (string?)k["alg"]);
            Assert.Null(k["d"]);
        });
    }

    [Fact]
    public async Task ReportRow_LinksTheCertificate()
    {
        var client = region.ClientWithKey(RegionApplication.KeyA);
        var id = await NewRtpCallAsync(client);

        var row = await region.Grains.GetGrain<ICallGrain>(id).GetReportRowAsync();

        Assert.Equal($"/v1/calls/{id}/masking-certificate", row!.MaskingCertificate);
    }

    private static MaskingSummary Evidence(bool final) => new(3, ["inband", "rfc4733"], 0, 0, [new MaskedSpan(1234.5, 95)])
    {
        KeyPressesByTransport = new Dictionary<string, int> { ["inband"] = 2, ["rfc4733"] = 1 },
        Legs = [Forward, Record],
        Masker = new MaskingComponent("PciCloud.Media.Masking.MaskingChannel", "1.0.0", new Dictionary<string, string> { ["lookaheadMs"] = "60" }),
        Checker = new MaskingComponent("PciCloud.Media.Evidence.OutputLeakDetector", "1.0.0", new Dictionary<string, string> { ["minConsecutiveFrames"] = "1" }),
        Final = final,
    };

    private static async Task<string> NewRtpCallAsync(HttpClient client)
    {
        var created = await client.PostJsonAsync("/v1/calls", new { media = new { transport = "rtp", codec = "PCMU", forwardTo = "127.0.0.1:5004", recordTo = "127.0.0.1:5006" } });
        return (string)(await created.BodyAsync())["id"]!;
    }

    /// <summary>Checks the JWS against the JWKS the region publishes (as a tenant would, anonymously) and returns its payload.</summary>
    private async Task<JsonNode> VerifiedPayloadAsync(string jws)
    {
        var keys = EcJsonWebKey.ParseSet(await region.CreateClient().GetStringAsync("/.well-known/jwks.json", Ct));
        var result = Es256Jws.Verify(jws, kid => keys.GetValueOrDefault(kid));
        Assert.True(result.Valid, result.Error);
        return JsonNode.Parse(result.Payload)!;
    }

    private static JsonNode Header(string jws) => JsonNode.Parse(Base64Url.DecodeFromChars(jws.Split('.')[0]))!;

    private static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(text)));
}
