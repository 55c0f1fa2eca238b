using System.Text.Json.Nodes;
using PciCloud.Region.Tests.Infrastructure;

namespace PciCloud.Region.Tests.Apis;

/// <summary>The payment, token and schedule endpoints: listed in the OpenAPI document, and 401 without a valid key.</summary>
public sealed class PaymentEndpointsAuthTests(SharedRegion region)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("GET", "/v1/payments/pay_x")]
    [InlineData("POST", "/v1/payments/pay_x/capture")]
    [InlineData("POST", "/v1/payments/pay_x/refunds")]
    [InlineData("POST", "/v1/tokens/tok_x/charges")]
    [InlineData("GET", "/v1/schedules/sch_x")]
    [InlineData("POST", "/v1/schedules/sch_x/cancel")]
    public async Task NoKeyOrUnknownKey_401(string method, string path)
    {
        foreach (var client in new[] { region.CreateClient(), region.ClientWithKey("sk_tenant-a_notthekey"), region.ClientWithKey(RegionApplication.AdminKey) })
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), path);
            if (method == "POST")
            {
                request.Content = Json.RawJson("{\"amount\":100,\"currency\":\"USD\"}");
            }

            await (await client.SendAsync(request, Ct)).AssertProblemAsync(401, "unauthenticated");
        }
    }

    [Fact]
    public async Task OpenApi_ListsTheEndpoints()
    {
        var document = JsonNode.Parse(await region.CreateClient().GetStringAsync("/openapi/v1.json", Ct))!;
        var paths = document["paths"]!.AsObject();
        Assert.NotNull(paths["/v1/payments/{id}"]?["get"]);
        Assert.NotNull(paths["/v1/payments/{id}/capture"]?["post"]);
        Assert.NotNull(paths["/v1/payments/{id}/refunds"]?["post"]);
        Assert.NotNull(paths["/v1/tokens/{id}/charges"]?["post"]);
        Assert.NotNull(paths["/v1/schedules/{id}"]?["get"]);
        Assert.NotNull(paths["/v1/schedules/{id}/cancel"]?["post"]);
    }
}
