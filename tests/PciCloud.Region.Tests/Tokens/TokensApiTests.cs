using System.Net;
using PciCloud.Payments.Gateways.Sandbox;
using PciCloud.Region.Tests.Infrastructure;

namespace PciCloud.Region.Tests.Tokens;

/// <summary>API.md "POST /v1/tokens/{id}/charges": off-session charges of a card a tokenize session stored.</summary>
public sealed class TokensApiTests(SharedRegion region)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Charge_StoredCard_PaymentSucceeded_ThenRefundable()
    {
        var client = region.ClientWithKey(RegionApplication.KeyA);
        var tokenId = await TokenAsync(client);

        var response = await client.PostJsonAsync($"/v1/tokens/{tokenId}/charges", new { amount = 7301, currency = "USD", reference = "renewal-7" });
        var payment = await response.BodyAsync();
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var paymentId = (string)payment["id"]!;
        Assert.StartsWith("pay_", paymentId, StringComparison.Ordinal);
        Assert.Equal($"/v1/payments/{paymentId}", response.Headers.Location?.OriginalString);
        Assert.Equal("token_charge", (string?)payment["kind"]);
        Assert.Equal("succeeded", (string?)payment["status"]);
        Assert.Equal(tokenId, (string?)payment["tokenId"]);
        Assert.Equal(7301, (long)payment["amountCaptured"]!);
        Assert.Equal("renewal-7", (string?)payment["reference"]);
        Assert.Single(region.Sandbox().Ledger(), e => e.AmountMinorUnits == 7301 && e.Kind == "token_charge");

        Assert.Equal("succeeded", (string?)(await (await client.GetAsync($"/v1/payments/{paymentId}", Ct)).BodyAsync())["status"]);
        var refund = await client.PostJsonAsync($"/v1/payments/{paymentId}/refunds", new { amount = 301 });
        Assert.Equal(HttpStatusCode.Created, refund.StatusCode);
    }

    [Fact]
    public async Task Charge_CardThatDeclinesOffSession_201Failed_WithDeclineCode()
    {
        var client = region.ClientWithKey(RegionApplication.KeyA);
        var tokenId = await TokenAsync(client, SandboxTestCards.AttachesThenDeclines);

        var response = await client.PostJsonAsync($"/v1/tokens/{tokenId}/charges", new { amount = 7402, currency = "USD" });
        var payment = await response.BodyAsync();
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("failed", (string?)payment["status"]);
        Assert.Equal("card_declined", (string?)payment["declineCode"]);
        Assert.Equal(0, (long)payment["amountCaptured"]!);
        await (await client.PostJsonAsync($"/v1/payments/{(string)payment["id"]!}/refunds", new { })).AssertProblemAsync(409, "invalid_state");
    }

    [Fact]
    public async Task Charge_SameIdempotencyKey_ChargedOnce()
    {
        var client = region.ClientWithKey(RegionApplication.KeyA);
        var tokenId = await TokenAsync(client);
        var key = "charge-" + Guid.NewGuid().ToString("N");
        var ids = new List<string>();
        for (var i = 0; i < 2; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/v1/tokens/{tokenId}/charges")
            {
                Content = Json.RawJson("{\"amount\":7503,\"currency\":\"USD\"}"),
            };
            request.Headers.Add("Idempotency-Key", key);
            var response = await client.SendAsync(request, Ct);
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            ids.Add((string)(await response.BodyAsync())["id"]!);
        }

        Assert.Equal(ids[0], ids[1]);
        Assert.Single(region.Sandbox().Ledger(), e => e.AmountMinorUnits == 7503);
    }

    [Fact]
    public async Task Charge_UnknownOrOtherTenantsToken_404_NothingCharged()
    {
        var a = region.ClientWithKey(RegionApplication.KeyA);
        var b = region.ClientWithKey(RegionApplication.KeyB);
        var tokenId = await TokenAsync(a);

        await (await b.PostJsonAsync($"/v1/tokens/{tokenId}/charges", new { amount = 7604, currency = "USD" })).AssertProblemAsync(404, "not_found");
        await (await a.PostJsonAsync("/v1/tokens/tok_unknown00000000000000000/charges", new { amount = 7604, currency = "USD" })).AssertProblemAsync(404, "not_found");
        await (await a.PostJsonAsync("/v1/tokens/pay_notatoken/charges", new { amount = 7604, currency = "USD" })).AssertProblemAsync(404, "not_found");
        Assert.DoesNotContain(region.Sandbox().Ledger(), e => e.AmountMinorUnits == 7604);
    }

    [Theory]
    [InlineData("{\"amount\":100,\"currency\":", "invalid_request")]
    [InlineData("{\"amount\":\"lots\",\"currency\":\"USD\"}", "invalid_request")]
    [InlineData("{\"currency\":\"USD\"}", "invalid_amount")]
    [InlineData("{\"amount\":0,\"currency\":\"USD\"}", "invalid_amount")]
    [InlineData("{\"amount\":-7,\"currency\":\"USD\"}", "invalid_amount")]
    [InlineData("{\"amount\":100}", "invalid_currency")]
    [InlineData("{\"amount\":100,\"currency\":\"usd\"}", "invalid_currency")]
    [InlineData("{\"amount\":100,\"currency\":\"XYZ\"}", "invalid_currency")]
    [InlineData("{\"amount\":100,\"currency\":\"JPY\"}", "invalid_currency")]
    [InlineData("{\"amount\":100,\"currency\":\"USD\",\"description\":\"card 4242424242424242\"}", "card_data_in_text")]
    public async Task Charge_InvalidBody_400_NothingCharged(string json, string code)
    {
        var client = region.ClientWithKey(RegionApplication.KeyA);
        var tokenId = await TokenAsync(client);
        await (await client.PostAsync($"/v1/tokens/{tokenId}/charges", Json.RawJson(json), Ct)).AssertProblemAsync(400, code);
        Assert.DoesNotContain(region.Sandbox().Ledger(), e => e.Kind == "token_charge" && e.AmountMinorUnits == 100);
    }

    private async Task<string> TokenAsync(HttpClient client, string card = PaidSessions.Card)
    {
        var session = await region.SubmitAsync(client, new { intent = "tokenize" }, card);
        Assert.Equal("succeeded", (string?)session["status"]);
        var tokenId = (string)session["result"]!["tokenId"]!;
        Assert.StartsWith("tok_", tokenId, StringComparison.Ordinal);
        return tokenId;
    }
}
