using PciCloud.Region.Tests.Infrastructure;

namespace PciCloud.Region.Tests.Apis;

public sealed class NoMediaCapacityTests
{
    [Fact]
    public async Task CreateCall_NoWorkerRegistered_503WithRetryAfter()
    {
        await using var region = new RegionApplication();
        var client = region.ClientWithKey(RegionApplication.KeyA);

        var response = await client.PostJsonAsync("/v1/calls", new { media = new { transport = "rtp", forwardTo = "127.0.0.1:5004" } });

        await response.AssertProblemAsync(503, "no_media_capacity");
        Assert.NotNull(response.Headers.RetryAfter);
    }

    [Fact]
    public async Task CreateCall_WorkerFull_503_ThenEndedCallFreesCapacity()
    {
        await using var region = new RegionApplication();
        await region.RegisterWorkerAsync(capacity: 1);
        var client = region.ClientWithKey(RegionApplication.KeyA);

        var first = await (await client.PostJsonAsync("/v1/calls", new { media = new { transport = "websocket" } })).BodyAsync();
        await (await client.PostJsonAsync("/v1/calls", new { media = new { transport = "websocket" } })).AssertProblemAsync(503, "no_media_capacity");

        await client.PostJsonAsync($"/v1/calls/{(string)first["id"]!}/end", new { });
        Assert.Equal(System.Net.HttpStatusCode.Created,
            (await client.PostJsonAsync("/v1/calls", new { media = new { transport = "websocket" } })).StatusCode);
    }
}
