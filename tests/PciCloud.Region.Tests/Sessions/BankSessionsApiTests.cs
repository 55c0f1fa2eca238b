using System.Net;
using System.Text.Json.Nodes;
using PciCloud.Payments.Gateways.Sandbox;
using PciCloud.Region.Tests.Infrastructure;
using Accounts = PciCloud.Payments.Gateways.Sandbox.SandboxTestBankAccounts;

namespace PciCloud.Region.Tests.Sessions;

/// <summary>UK Bacs Direct Debit by keypad through the API (a UK region), keyed through the CallGrain.</summary>
public sealed class BankSessionsApiTests(UkRegion region) : IClassFixture<UkRegion>
{
    private static readonly string[] UkFields = ["sort_code", "account_number"];
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task UkDirectDebit_Approved_AfterTheGuarantee_OnlyMaskedDataAnywhere()
    {
        var (keypad, client, id) = await OpenAsync(new { intent = "charge", amount = 2500, currency = "GBP", fields = UkFields });
        var transcript = new List<string>();
        transcript.Add((await keypad.CaptureAsync(id, "sort_code")).ToJsonString());
        transcript.Add((await keypad.KeyAsync(id, Accounts.UkSortCode)).ToJsonString());
        await keypad.CaptureAsync(id, "account_number");
        var ready = await keypad.KeyAsync(id, Accounts.UkApproved);
        transcript.Add(ready.ToJsonString());
        Assert.Equal("ready", (string?)ready["status"]);
        Assert.Equal("******", (string?)ready["fields"]!["sort_code"]!["masked"]);
        Assert.Equal("direct_debit_guarantee", (string?)ready["confirmation"]!["required"]);

        await (await client.PostJsonAsync($"/v1/payment-sessions/{id}/submit", new { })).AssertProblemAsync(409, "confirmation_required");
        await (await client.PostJsonAsync($"/v1/payment-sessions/{id}/confirm", new { confirmation = "ach_authorization" })).AssertProblemAsync(400, "invalid_confirmation");
        var confirmed = await (await client.PostJsonAsync($"/v1/payment-sessions/{id}/confirm", new { confirmation = "direct_debit_guarantee" })).BodyAsync();
        Assert.NotNull(confirmed["confirmation"]!["confirmedAt"]);
        var submitted = await (await client.PostJsonAsync($"/v1/payment-sessions/{id}/submit", new { })).BodyAsync();
        transcript.Add(submitted.ToJsonString());

        Assert.Equal("succeeded", (string?)submitted["status"]);
        Assert.StartsWith("pay_", (string?)submitted["result"]!["paymentId"], StringComparison.Ordinal);
        Assert.Single(region.Sandbox().Ledger(), e => e.Kind == "bank_debit" && e.AmountMinorUnits == 2500);
        var audit = (await AuditPages.AllAsync(client)).ToJsonString();
        Assert.Contains("payment_session.confirm.direct_debit_guarantee", audit, StringComparison.Ordinal);
        transcript.Add(audit);
        Assert.All(transcript, t => Assert.DoesNotContain(Accounts.UkApproved, t, StringComparison.Ordinal));
        Assert.All(transcript, t => Assert.DoesNotContain(Accounts.UkSortCode, t, StringComparison.Ordinal));
    }

    [Fact]
    public async Task UkDirectDebit_InsufficientFunds_Declined()
    {
        var (keypad, client, id) = await OpenAsync(new { intent = "charge", amount = 2600, currency = "GBP", fields = UkFields });
        await KeyAsync(keypad, id, Accounts.UkUncheckedSortCode, Accounts.UkInsufficientFunds);
        await client.PostJsonAsync($"/v1/payment-sessions/{id}/confirm", new { confirmation = "direct_debit_guarantee" });

        var submitted = await (await client.PostJsonAsync($"/v1/payment-sessions/{id}/submit", new { })).BodyAsync();

        Assert.Equal("failed", (string?)submitted["status"]);
        Assert.Equal("insufficient_funds", (string?)submitted["result"]!["declineCode"]);
    }

    [Fact]
    public async Task UkDirectDebit_WrongCheckDigit_AccountNumberInvalid_AttemptUsed()
    {
        var (keypad, _, id) = await OpenAsync(new { intent = "charge", amount = 100, currency = "GBP", fields = UkFields });

        var after = await KeyAsync(keypad, id, Accounts.UkSortCode, "66374959");

        var account = after["fields"]!["account_number"]!;
        Assert.Equal("invalid", (string?)account["state"]);
        Assert.Equal("invalid_account_number", (string?)account["error"]);
        Assert.Equal(2, (int)account["attemptsLeft"]!);
    }

    [Fact]
    public async Task UkDirectDebit_DoubleEntryMismatch_InputsDoNotMatch()
    {
        var (keypad, _, id) = await OpenAsync(new { intent = "charge", amount = 100, currency = "GBP", fields = UkFields, requireMatchingInputs = true });
        await keypad.CaptureAsync(id, "account_number");
        Assert.True((bool)(await keypad.KeyAsync(id, Accounts.UkApproved))["fields"]!["account_number"]!["confirming"]!);

        var after = await keypad.KeyAsync(id, "66374985");

        Assert.Equal("inputs_do_not_match", (string?)after["fields"]!["account_number"]!["error"]);
    }

    [Fact]
    public async Task UkDirectDebit_Timeout_InputTimeout()
    {
        var (keypad, _, id) = await OpenAsync(new { intent = "charge", amount = 100, currency = "GBP", fields = UkFields, timeout = 1 });
        await keypad.CaptureAsync(id, "sort_code");
        await keypad.KeyAsync(id, "08");

        await Waiting.UntilAsync(async () => (string?)(await keypad.GetAsync(id))["fields"]!["sort_code"]!["error"] == "input_timeout",
            "the input timeout", TimeSpan.FromSeconds(15));
    }

    [Fact]
    public async Task UkDirectDebit_Recurring_MandateThenScheduleDebitsTheToken()
    {
        var (keypad, client, id) = await OpenAsync(new
        {
            intent = "recurring", amount = 1500, currency = "GBP", fields = UkFields, recurring = new { interval = "month", count = 12 },
        });
        await KeyAsync(keypad, id, Accounts.UkSortCode, Accounts.UkApproved);
        await client.PostJsonAsync($"/v1/payment-sessions/{id}/confirm", new { confirmation = "direct_debit_guarantee" });

        var submitted = await (await client.PostJsonAsync($"/v1/payment-sessions/{id}/submit", new { })).BodyAsync();

        Assert.Equal("succeeded", (string?)submitted["status"]);
        Assert.StartsWith("tok_", (string?)submitted["result"]!["tokenId"], StringComparison.Ordinal);
        var scheduleId = (string)submitted["result"]!["scheduleId"]!;
        await Waiting.UntilAsync(async () => (await client.GetAsync($"/v1/schedules/{scheduleId}", Ct)).StatusCode == HttpStatusCode.OK, "the schedule");
    }

    [Theory]
    [InlineData("""{"intent":"charge","amount":100,"currency":"GBP","fields":["routing_number","account_number","account_type"]}""", "bank_fields_not_in_region")]
    [InlineData("""{"intent":"charge","amount":100,"currency":"GBP","fields":["bsb","account_number"]}""", "bank_fields_not_in_region")]
    [InlineData("""{"intent":"charge","amount":100,"currency":"GBP","fields":["card_number","expiry","sort_code","account_number"]}""", "card_and_bank_fields_mixed")]
    [InlineData("""{"intent":"charge","amount":100,"currency":"GBP","fields":["sort_code"]}""", "invalid_request")]
    [InlineData("""{"intent":"authorize","amount":100,"currency":"GBP","fields":["sort_code","account_number"]}""", "invalid_request")]
    public async Task BankSession_WrongFieldsOrIntent_400WithAClearCode(string json, string code)
    {
        var client = region.ClientWithKey(RegionApplication.KeyA);
        var callId = (string)(await (await client.PostJsonAsync("/v1/calls", new { media = new { transport = "websocket" } })).BodyAsync())["id"]!;

        await (await client.PostAsync($"/v1/calls/{callId}/payment-sessions", Json.RawJson(json), Ct)).AssertProblemAsync(400, code);
    }

    private static async Task<JsonNode> KeyAsync(Keypad keypad, string id, string sortCode, string account)
    {
        await keypad.CaptureAsync(id, "sort_code");
        await keypad.KeyAsync(id, sortCode);
        await keypad.CaptureAsync(id, "account_number");
        return await keypad.KeyAsync(id, account);
    }

    private async Task<(Keypad Keypad, HttpClient Client, string Id)> OpenAsync(object request)
    {
        await region.EnsureWorkerAsync();
        var client = region.ClientWithKey(RegionApplication.KeyA);
        var keypad = new Keypad(region, client);
        var response = await keypad.OpenAsync(request);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync(Ct));
        return (keypad, client, (string)(await response.BodyAsync())["id"]!);
    }
}
