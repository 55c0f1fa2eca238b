using System.Net;
using PciCloud.Contracts.Calls;
using PciCloud.Region.Tests.Infrastructure;

namespace PciCloud.Region.Tests.Apis;

/// <summary><c>media.srtp</c> of <c>POST /v1/calls</c>: keys reach the worker's settings and nothing else.</summary>
public sealed class CallSrtpApiTests(SharedRegion region)
{
    // Two SDES keys (RFC 4568's example, and another 30 bytes) in the tagless registration form.
    private const string CustomerInline = "WVNfX19zZW1jdGwgKCkgewkyMjA7fQp9CnVubGVz";
    private const string AgentInline = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwd";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task CreateCall_WithSrtpKeys_WorkerSettingsCarryThem_ResponsesNever()
    {
        await region.EnsureWorkerAsync();
        var client = region.ClientWithKey(RegionApplication.KeyA);
        var response = await client.PostJsonAsync("/v1/calls", new
        {
            media = new
            {
                transport = "rtp", forwardTo = "127.0.0.1:5004",
                srtp = new { customer = $"AES_CM_128_HMAC_SHA1_80 inline:{CustomerInline}", forwardTo = $"AES_CM_128_HMAC_SHA1_32 inline:{AgentInline}" },
            },
        });
        var created = await response.Content.ReadAsStringAsync(Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = (string)System.Text.Json.Nodes.JsonNode.Parse(created)!["id"]!;
        var fetched = await (await client.GetAsync($"/v1/calls/{id}", Ct)).Content.ReadAsStringAsync(Ct);

        var settings = await region.Grains.GetGrain<ICallGrain>(id).GetMediaSettings();

        Assert.NotNull(settings);
        Assert.True(settings.Active);
        Assert.Equal($"AES_CM_128_HMAC_SHA1_80 inline:{CustomerInline}", settings.Srtp?.Customer);
        Assert.Equal($"AES_CM_128_HMAC_SHA1_32 inline:{AgentInline}", settings.Srtp?.ForwardTo);
        Assert.Null(settings.Srtp?.RecordTo);
        foreach (var text in new[] { created, fetched, settings.ToString(), settings.Srtp!.ToString() })
        {
            Assert.DoesNotContain(CustomerInline[..16], text, StringComparison.Ordinal);
            Assert.DoesNotContain(AgentInline[..16], text, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("websocket", null, "AES_CM_128_HMAC_SHA1_80 inline:" + CustomerInline, null, "rtp calls only", "invalid_request")]
    [InlineData("rtp", null, null, null, "at least one leg", "invalid_request")]
    [InlineData("rtp", null, null, "AES_CM_128_HMAC_SHA1_80 inline:" + AgentInline, "media.recordTo is not", "invalid_request")]
    [InlineData("rtp", null, "AES_256_CM_HMAC_SHA1_80 inline:" + CustomerInline, null, "unsupported crypto suite", "invalid_srtp_key")]
    [InlineData("rtp", null, "AES_CM_128_HMAC_SHA1_80 inline:" + CustomerInline + "|2^20|1:4", null, "MKI is not supported", "invalid_srtp_key")]
    [InlineData("rtp", null, "AES_CM_128_HMAC_SHA1_80 inline:" + CustomerInline + " KDR=2", null, "session parameters", "invalid_srtp_key")]
    [InlineData("rtp", "AES_CM_128_HMAC_SHA1_80 inline:" + AgentInline + "==", null, null, "40 base64", "invalid_srtp_key")]
    public async Task CreateCall_BadSrtp_ProblemNamesTheRuleNotTheKey(string transport, string? forwardKey, string? customerKey, string? recordKey, string detail, string code)
    {
        await region.EnsureWorkerAsync();
        var client = region.ClientWithKey(RegionApplication.KeyA);

        var response = await client.PostJsonAsync("/v1/calls", new
        {
            media = new { transport, forwardTo = "127.0.0.1:5004", srtp = new { customer = customerKey, forwardTo = forwardKey, recordTo = recordKey } },
        });

        await response.AssertProblemAsync(400, code);
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.Contains(detail, (string?)System.Text.Json.Nodes.JsonNode.Parse(body)!["detail"], StringComparison.Ordinal);
        Assert.DoesNotContain(CustomerInline[..16], body, StringComparison.Ordinal);
        Assert.DoesNotContain(AgentInline[..16], body, StringComparison.Ordinal);
    }
}
