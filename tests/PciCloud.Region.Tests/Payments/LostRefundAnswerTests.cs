using System.Net;
using PciCloud.Region.Tests.Infrastructure;

namespace PciCloud.Region.Tests.Payments;

/// <summary>A refund whose gateway answer is lost stays pending (its amount reserved), and settles once when sent again.</summary>
public sealed class LostRefundAnswerTests(ControlledRegion region) : IClassFixture<ControlledRegion>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AnswerLost_RefundPending_AmountReserved_SettlesOnNextReadWithOneGatewayRefund()
    {
        var client = region.ClientWithKey(RegionApplication.KeyA);
        var paymentId = await region.PaidAsync(client, 9200);
        region.Gateways.LoseNextAnswers(LossyGatewayResolver.Refund, 1);

        var created = await client.PostJsonAsync($"/v1/payments/{paymentId}/refunds", new { amount = 9000 });
        var refund = await created.BodyAsync();
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("pending", (string?)refund["status"]);
        Assert.Single(region.Sandbox().Ledger(), e => e.AmountMinorUnits == 9200 && e.RefundedMinorUnits == 9000); // the gateway did refund

        // While it is pending its amount is reserved: only 200 is left to refund.
        await (await client.PostJsonAsync($"/v1/payments/{paymentId}/refunds", new { amount = 201 })).AssertProblemAsync(400, "invalid_amount");

        var payment = await (await client.GetAsync($"/v1/payments/{paymentId}", Ct)).BodyAsync();
        var settled = payment["refunds"]!.AsArray().Single()!;
        Assert.Equal((string?)refund["id"], (string?)settled["id"]);
        Assert.Equal("succeeded", (string?)settled["status"]);
        Assert.Equal("partially_refunded", (string?)payment["status"]);
        Assert.Equal(9000, (long)payment["amountRefunded"]!);
        Assert.Single(region.Sandbox().Ledger(), e => e.AmountMinorUnits == 9200 && e.RefundedMinorUnits == 9000);
    }
}
