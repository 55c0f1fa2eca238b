using System.Net;
using PciCloud.Contracts.Calls;
using PciCloud.Region.Tests.Infrastructure;

namespace PciCloud.Region.Tests.Apis;

public sealed class CallsApiTests(SharedRegion region)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task CreateCall_Rtp_ReservesWorkerPortAndGetsItBack()
    {
        var client = region.ClientWithKey(RegionApplication.KeyA);
        var response = await client.PostJsonAsync("/v1/calls", new
        {
            externalId = "crm-1", from = "+441234", media = new { transport = "rtp", codec = "PCMA", forwardTo = "127.0.0.1:5004", recordTo = "127.0.0.1:5006" },
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var call = await response.BodyAsync();
        var id = (string)call["id"]!;
        Assert.StartsWith("call_", id, StringComparison.Ordinal);
        Assert.Equal("active", (string?)call["status"]);
        Assert.Equal("127.0.0.1", (string?)call["media"]!["rtp"]!["host"]);
        var port = (int)call["media"]!["rtp"]!["port"]!;
        Assert.InRange(port, 40000, 60000);
        Assert.Equal(0, port % 2);
        Assert.Equal($"/v1/calls/{id}", response.Headers.Location?.OriginalString);

        var fetched = await (await client.GetAsync($"/v1/calls/{id}", Ct)).BodyAsync();
        Assert.Equal("crm-1", (string?)fetched["externalId"]);
        Assert.Equal(port, (int)fetched["media"]!["rtp"]!["port"]!);

        var settings = await region.Grains.GetGrain<ICallGrain>(id).GetMediaSettings();
        Assert.NotNull(settings);
        Assert.Equal("PCMA", settings.Codec);
        Assert.Equal("127.0.0.1:5004", settings.ForwardTo);
        Assert.Equal(port, settings.RtpPort);
    }

    [Fact]
    public async Task CreateCall_Websocket_UrlCarriesTokenTheGrainAccepts()
    {
        var client = region.ClientWithKey(RegionApplication.KeyA);
        var call = await (await client.PostJsonAsync("/v1/calls", new { media = new { transport = "websocket" } })).BodyAsync();
        var url = new Uri((string)call["media"]!["websocketUrl"]!);
        var id = (string)call["id"]!;
        Assert.Equal($"/v1/media/{id}", url.AbsolutePath);
        var token = url.Query["?token=".Length..];

        var grain = region.Grains.GetGrain<ICallGrain>(id);
        Assert.True(await grain.ValidateMediaToken(token));
        Assert.False(await grain.ValidateMediaToken(token + "x"));
        var again = await (await client.GetAsync($"/v1/calls/{id}", Ct)).BodyAsync();
        Assert.Equal(url.ToString(), (string?)again["media"]!["websocketUrl"]);
    }

    [Theory]
    [InlineData("{\"media\":{\"transport\":\"rtp\",\"forwardTo\":\"8.8.8.8:5004\"}}", "destination_not_allowed")]
    [InlineData("{\"media\":{\"transport\":\"rtp\",\"forwardTo\":\"127.0.0.1:5004\",\"recordTo\":\"10.0.0.1:5006\"}}", "destination_not_allowed")]
    [InlineData("{\"media\":{\"transport\":\"rtp\",\"forwardTo\":\"example.com:5004\"}}", "invalid_request")]
    [InlineData("{\"media\":{\"transport\":\"rtp\"}}", "invalid_request")]
    [InlineData("{\"media\":{\"transport\":\"sip\"}}", "invalid_request")]
    [InlineData("{\"media\":{\"transport\":\"websocket\",\"codec\":\"G729\"}}", "invalid_request")]
    [InlineData("{\"media\":{\"transport\":\"websocket\",\"expectFrom\":\"nope\"}}", "invalid_request")]
    [InlineData("{}", "invalid_request")]
    [InlineData("not json", "invalid_request")]
    public async Task CreateCall_Invalid_Problem(string json, string code)
    {
        var client = region.ClientWithKey(RegionApplication.KeyA);
        var response = await client.PostAsync("/v1/calls", Json.RawJson(json), Ct);
        await response.AssertProblemAsync(400, code);
    }

    [Fact]
    public async Task CreateCall_DestinationsAreTheTenantsOwn()
    {
        // Tenant B allows only 198.51.100.0/24: loopback is refused for it, its own block accepted.
        var b = region.ClientWithKey(RegionApplication.KeyB);
        await (await b.PostJsonAsync("/v1/calls", new { media = new { transport = "rtp", forwardTo = "127.0.0.1:5004" } }))
            .AssertProblemAsync(400, "destination_not_allowed");
        Assert.Equal(HttpStatusCode.Created,
            (await b.PostJsonAsync("/v1/calls", new { media = new { transport = "rtp", forwardTo = "198.51.100.7:5004" } })).StatusCode);
    }

    [Fact]
    public async Task EndCall_StatusEndedAndTokenNoLongerValid()
    {
        var client = region.ClientWithKey(RegionApplication.KeyA);
        var call = await (await client.PostJsonAsync("/v1/calls", new { media = new { transport = "websocket" } })).BodyAsync();
        var id = (string)call["id"]!;
        var ended = await (await client.PostJsonAsync($"/v1/calls/{id}/end", new { })).BodyAsync();
        Assert.Equal("ended", (string?)ended["status"]);
        Assert.NotNull((string?)ended["endedAt"]);
        var token = new Uri((string)call["media"]!["websocketUrl"]!).Query["?token=".Length..];
        Assert.False(await region.Grains.GetGrain<ICallGrain>(id).ValidateMediaToken(token));
        Assert.Equal(KeyPressOutcome.Rejected,
            await region.Grains.GetGrain<ICallGrain>(id).ReportKeyPress(new KeyPressReport('1', 1, 0, 80, "inband")));
    }

    [Fact]
    public async Task MaskingReport_ServesWhatTheWorkerReported()
    {
        var client = region.ClientWithKey(RegionApplication.KeyA);
        var id = (string)(await (await client.PostJsonAsync("/v1/calls", new { media = new { transport = "websocket" } })).BodyAsync())["id"]!;
        var empty = await (await client.GetAsync($"/v1/calls/{id}/masking-report", Ct)).BodyAsync();
        Assert.Equal(0, (int)empty["keyPressesMasked"]!);

        await region.Grains.GetGrain<ICallGrain>(id).ReportMaskingSummary(
            new MaskingSummary(19, ["inband", "rfc4733"], 0, 2.5, [new MaskedSpan(1234.5, 95)]));
        var report = await (await client.GetAsync($"/v1/calls/{id}/masking-report", Ct)).BodyAsync();
        Assert.Equal(id, (string?)report["callId"]);
        Assert.Equal(19, (int)report["keyPressesMasked"]!);
        Assert.Equal(2.5, (double)report["worstOnsetMs"]!);
        Assert.Equal(1234.5, (double)report["spans"]![0]!["startMs"]!);
        Assert.Equal(["inband", "rfc4733"], report["transports"]!.AsArray().Select(t => (string)t!));
    }

    [Fact]
    public async Task Calls_OtherTenantsIds_NotFound()
    {
        var a = region.ClientWithKey(RegionApplication.KeyA);
        var b = region.ClientWithKey(RegionApplication.KeyB);
        var id = (string)(await (await a.PostJsonAsync("/v1/calls", new { media = new { transport = "websocket" } })).BodyAsync())["id"]!;

        await (await b.GetAsync($"/v1/calls/{id}", Ct)).AssertProblemAsync(404, "not_found");
        await (await b.PostJsonAsync($"/v1/calls/{id}/end", new { })).AssertProblemAsync(404, "not_found");
        await (await b.GetAsync($"/v1/calls/{id}/masking-report", Ct)).AssertProblemAsync(404, "not_found");
        Assert.Equal("active", (string?)(await (await a.GetAsync($"/v1/calls/{id}", Ct)).BodyAsync())["status"]);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("sk_tenant-a_wrongsecret")]
    [InlineData("sk_nosuchtenant_abcdefgh")]
    [InlineData("garbage")]
    [InlineData(RegionApplication.AdminKey)]
    public async Task Calls_BadCredential_Unauthenticated(string? key)
    {
        var client = key is null ? region.CreateClient() : region.ClientWithKey(key);
        await (await client.PostJsonAsync("/v1/calls", new { media = new { transport = "websocket" } })).AssertProblemAsync(401, "unauthenticated");
    }
}
