using System.Net;
using PciCloud.Region.Tests.Infrastructure;
using Accounts = PciCloud.Payments.Gateways.Sandbox.SandboxTestBankAccounts;

namespace PciCloud.Region.Tests.Sessions;

/// <summary>AU BECS Direct Debit by keypad (an AU region): BSB and account number, the service agreement confirmed.</summary>
public sealed class BecsSessionsApiTests(AuRegion region) : IClassFixture<AuRegion>
{
    private static readonly string[] AuFields = ["bsb", "account_number"];
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(Accounts.AuApproved, "succeeded", null)]
    [InlineData(Accounts.AuDeclined, "failed", "card_declined")]
    public async Task Becs_ServiceAgreementConfirmed_ThenTheSandboxsAnswer(string account, string status, string? declineCode)
    {
        await region.EnsureWorkerAsync();
        var client = region.ClientWithKey(RegionApplication.KeyA);
        var keypad = new Keypad(region, client);
        var id = (string)(await (await keypad.OpenAsync(new { intent = "charge", amount = 3300, currency = "AUD", fields = AuFields })).BodyAsync())["id"]!;
        await keypad.CaptureAsync(id, "bsb");
        await keypad.KeyAsync(id, Accounts.AuBsb);
        await keypad.CaptureAsync(id, "account_number");
        var ready = await keypad.KeyAsync(id, account); // 9 digits: complete by itself
        Assert.Equal("ready", (string?)ready["status"]);
        Assert.Equal("becs_service_agreement", (string?)ready["confirmation"]!["required"]);
        await (await client.PostJsonAsync($"/v1/payment-sessions/{id}/confirm", new { confirmation = "direct_debit_guarantee" })).AssertProblemAsync(400, "invalid_confirmation");
        Assert.Equal(HttpStatusCode.OK, (await client.PostJsonAsync($"/v1/payment-sessions/{id}/confirm", new { confirmation = "becs_service_agreement" })).StatusCode);

        var submitted = await client.PostJsonAsync($"/v1/payment-sessions/{id}/submit", new { });

        var text = await submitted.Content.ReadAsStringAsync(Ct);
        var body = await submitted.BodyAsync();
        Assert.Equal(status, (string?)body["status"]);
        Assert.Equal(declineCode, (string?)body["result"]?["declineCode"]);
        Assert.DoesNotContain(account, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Becs_UsFieldsOnAnAuTenant_400BankFieldsNotInRegion()
    {
        var keypad = new Keypad(region, region.ClientWithKey(RegionApplication.KeyA));
        await (await keypad.OpenAsync(new { intent = "charge", amount = 100, currency = "AUD", fields = new[] { "routing_number", "account_number", "account_type" } }))
            .AssertProblemAsync(400, "bank_fields_not_in_region");
    }
}
