using System.Net;
using PciCloud.Region.Tests.Infrastructure;
using Accounts = PciCloud.Payments.Gateways.Sandbox.SandboxTestBankAccounts;

namespace PciCloud.Region.Tests.Sessions;

/// <summary>US ACH by keypad (the shared region is a US region): routing number, account number, the agent's account type and authorization.</summary>
public sealed class AchSessionsApiTests(SharedRegion region)
{
    private static readonly string[] UsFields = ["routing_number", "account_number", "account_type"];
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Ach_Approved_WithAccountTypeAndAuthorization_NumbersNeverShown()
    {
        await region.EnsureWorkerAsync();
        var client = region.ClientWithKey(RegionApplication.KeyA);
        var keypad = new Keypad(region, client);
        var id = (string)(await (await keypad.OpenAsync(new { intent = "charge", amount = 4200, currency = "USD", fields = UsFields })).BodyAsync())["id"]!;
        await keypad.CaptureAsync(id, "routing_number");
        Assert.Equal("invalid_routing_number", (string?)(await keypad.KeyAsync(id, "110000001"))["fields"]!["routing_number"]!["error"]);
        await keypad.CaptureAsync(id, "routing_number");
        await keypad.KeyAsync(id, Accounts.UsRouting);
        await keypad.CaptureAsync(id, "account_number");
        await keypad.KeyAsync(id, Accounts.UsApproved + "#");
        await (await client.PatchAsync($"/v1/payment-sessions/{id}", Json.RawJson("""{"accountType":"current"}"""), Ct)).AssertProblemAsync(400, "invalid_account_type");
        var typed = await (await client.PatchAsync($"/v1/payment-sessions/{id}", Json.RawJson("""{"accountType":"checking"}"""), Ct)).BodyAsync();
        Assert.Equal("ready", (string?)typed["status"]);
        Assert.Equal("ach_authorization", (string?)typed["confirmation"]!["required"]);
        await client.PostJsonAsync($"/v1/payment-sessions/{id}/confirm", new { confirmation = "ach_authorization" });

        var submitted = await client.PostJsonAsync($"/v1/payment-sessions/{id}/submit", new { });

        var text = await submitted.Content.ReadAsStringAsync(Ct);
        Assert.Equal(HttpStatusCode.OK, submitted.StatusCode);
        Assert.Contains("\"succeeded\"", text, StringComparison.Ordinal);
        Assert.DoesNotContain(Accounts.UsApproved, text, StringComparison.Ordinal);
        Assert.DoesNotContain(Accounts.UsRouting, text, StringComparison.Ordinal);
        Assert.Contains("payment_session.confirm.ach_authorization", (await AuditPages.AllAsync(client)).ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ach_UkFieldsOnAUsTenant_400BankFieldsNotInRegion()
    {
        var keypad = new Keypad(region, region.ClientWithKey(RegionApplication.KeyA));
        await (await keypad.OpenAsync(new { intent = "charge", amount = 100, currency = "USD", fields = new[] { "sort_code", "account_number" } }))
            .AssertProblemAsync(400, "bank_fields_not_in_region");
    }
}
