using System.Net;
using System.Text.Json.Nodes;
using PciCloud.Region.Tests.Infrastructure;

namespace PciCloud.Region.Tests.Sessions;

/// <summary>API.md "Per-session controls": each one through the API, keyed through the CallGrain.</summary>
public sealed class SessionControlsApiTests(SharedRegion region)
{
    private const string Visa = "4242424242424242";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Defaults_ShownInTheSession_ThreeAttemptsNoTimeoutTenantBrands()
    {
        var (_, session) = await OpenAsync(new { intent = "charge", amount = 100, currency = "USD" });

        var controls = session["controls"]!;
        Assert.Equal(3, (int)controls["maxAttempts"]!);
        Assert.Null(controls["timeout"]);
        Assert.False((bool)controls["requireMatchingInputs"]!);
        Assert.Equal("reusable", (string?)controls["tokenType"]);
        Assert.Contains("amex", controls["acceptedBrands"]!.AsArray().Select(b => (string?)b));
        Assert.Equal(3, (int)session["fields"]!["card_number"]!["attemptsLeft"]!);
    }

    [Fact]
    public async Task MaxAttempts_Two_SecondFailedAttemptFailsTheSession()
    {
        var (keypad, session) = await OpenAsync(new { intent = "charge", amount = 100, currency = "USD", maxAttempts = 2, timeout = 1 });
        var id = (string)session["id"]!;
        Assert.Equal(2, (int)session["fields"]!["card_number"]!["attemptsLeft"]!);

        await keypad.CaptureAsync(id, "card_number");
        var first = await keypad.KeyAsync(id, "4242424242424241#");
        Assert.Equal(1, (int)first["fields"]!["card_number"]!["attemptsLeft"]!);

        // The second attempt runs out by the input timeout: a last invalid entry keyed through the
        // CallGrain would hit the grain call cycle of issue 12 item 4 (the session tells the busy call it finished).
        await keypad.CaptureAsync(id, "card_number");
        await Waiting.UntilAsync(async () => (string?)(await keypad.GetAsync(id))["status"] == "failed", "the session to fail", TimeSpan.FromSeconds(15));
        Assert.Equal(0, (int)(await keypad.GetAsync(id))["fields"]!["card_number"]!["attemptsLeft"]!);
    }

    [Fact]
    public async Task Timeout_NoKeyInTime_FieldInputTimeout_AttemptUsed()
    {
        var (keypad, session) = await OpenAsync(new { intent = "charge", amount = 100, currency = "USD", timeout = 1 });
        var id = (string)session["id"]!;
        await keypad.CaptureAsync(id, "card_number");
        await keypad.KeyAsync(id, "4242");

        // The grain's own timer marks it; nobody calls the API meanwhile.
        await Waiting.UntilAsync(async () => (string?)(await keypad.GetAsync(id))["fields"]!["card_number"]!["state"] == "invalid",
            "the input timeout", TimeSpan.FromSeconds(15));
        var field = (await keypad.GetAsync(id))["fields"]!["card_number"]!;

        Assert.Equal("input_timeout", (string?)field["error"]);
        Assert.Equal(2, (int)field["attemptsLeft"]!);
        Assert.Null((await keypad.GetAsync(id))["capturingField"]);
    }

    [Fact]
    public async Task AcceptedBrands_SubsetOfTheTenants_VisaRefusedWithCardTypeNotAccepted()
    {
        var (keypad, session) = await OpenAsync(new { intent = "charge", amount = 100, currency = "USD", acceptedBrands = new[] { "mastercard" } });
        var id = (string)session["id"]!;
        Assert.Equal(["mastercard"], session["controls"]!["acceptedBrands"]!.AsArray().Select(b => (string?)b));

        await keypad.CaptureAsync(id, "card_number");
        var after = await keypad.KeyAsync(id, Visa);

        Assert.Equal("card_type_not_accepted", (string?)after["fields"]!["card_number"]!["error"]);
    }

    [Fact]
    public async Task RequireMatchingInputs_SameTwice_Complete_DifferentSecond_InputsDoNotMatch()
    {
        var (keypad, session) = await OpenAsync(new { intent = "charge", amount = 100, currency = "USD", requireMatchingInputs = true });
        var id = (string)session["id"]!;
        await keypad.CaptureAsync(id, "card_number");

        var confirming = (await keypad.KeyAsync(id, Visa))["fields"]!["card_number"]!;
        Assert.Equal("capturing", (string?)confirming["state"]);
        Assert.True((bool)confirming["confirming"]!);
        Assert.Null(confirming["last4"]);
        var mismatch = (await keypad.KeyAsync(id, "5555555555554444"))["fields"]!["card_number"]!;
        Assert.Equal("inputs_do_not_match", (string?)mismatch["error"]);
        Assert.Equal(2, (int)mismatch["attemptsLeft"]!);

        await keypad.CaptureAsync(id, "card_number");
        await keypad.KeyAsync(id, Visa);
        var matched = (await keypad.KeyAsync(id, Visa))["fields"]!["card_number"]!;
        Assert.Equal("complete", (string?)matched["state"]);
        Assert.Equal("4242", (string?)matched["last4"]);
    }

    [Fact]
    public async Task TokenTypeOneTime_TokenChargedOnce_ThenTokenAlreadyUsed()
    {
        var client = region.ClientWithKey(RegionApplication.KeyA);
        var session = await region.SubmitAsync(client, new { intent = "tokenize", tokenType = "one-time" });
        var tokenId = (string)session["result"]!["tokenId"]!;
        var token = await (await client.GetAsync($"/v1/tokens/{tokenId}", Ct)).BodyAsync();
        Assert.Equal("one-time", (string?)token["type"]);
        Assert.Equal("4242", (string?)token["last4"]);

        var first = await client.PostJsonAsync($"/v1/tokens/{tokenId}/charges", new { amount = 8101, currency = "USD" });
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        await (await client.PostJsonAsync($"/v1/tokens/{tokenId}/charges", new { amount = 8102, currency = "USD" })).AssertProblemAsync(409, "token_already_used");
        Assert.DoesNotContain(region.Sandbox().Ledger(), e => e.AmountMinorUnits == 8102);
        Assert.NotNull((await (await client.GetAsync($"/v1/tokens/{tokenId}", Ct)).BodyAsync())["usedAt"]);
    }

    [Fact]
    public async Task Token_Delete_ThenUnknownAndNotChargeable_OtherTenant404()
    {
        var a = region.ClientWithKey(RegionApplication.KeyA);
        var b = region.ClientWithKey(RegionApplication.KeyB);
        var tokenId = (string)(await region.SubmitAsync(a, new { intent = "tokenize" }))["result"]!["tokenId"]!;
        Assert.Equal("reusable", (string?)(await (await a.GetAsync($"/v1/tokens/{tokenId}", Ct)).BodyAsync())["type"]);
        await (await b.GetAsync($"/v1/tokens/{tokenId}", Ct)).AssertProblemAsync(404, "not_found");
        await (await b.DeleteAsync($"/v1/tokens/{tokenId}", Ct)).AssertProblemAsync(404, "not_found");

        Assert.Equal(HttpStatusCode.NoContent, (await a.DeleteAsync($"/v1/tokens/{tokenId}", Ct)).StatusCode);

        await (await a.GetAsync($"/v1/tokens/{tokenId}", Ct)).AssertProblemAsync(404, "not_found");
        await (await a.DeleteAsync($"/v1/tokens/{tokenId}", Ct)).AssertProblemAsync(404, "not_found");
        await (await a.PostJsonAsync($"/v1/tokens/{tokenId}/charges", new { amount = 8201, currency = "USD" })).AssertProblemAsync(404, "not_found");
    }

    [Fact]
    public async Task Void_UncapturedAuthorization_Voided_ThenNotCapturable_AndACharge409()
    {
        var client = region.ClientWithKey(RegionApplication.KeyA);
        var authorization = await region.PaidAsync(client, 8301, intent: "authorize");

        var voided = await client.PostJsonAsync($"/v1/payments/{authorization}/void", new { });
        Assert.Equal(HttpStatusCode.OK, voided.StatusCode);
        Assert.Equal("voided", (string?)(await voided.BodyAsync())["status"]);
        Assert.Equal("voided", (string?)(await (await client.PostJsonAsync($"/v1/payments/{authorization}/void", new { })).BodyAsync())["status"]);
        await (await client.PostJsonAsync($"/v1/payments/{authorization}/capture", new { })).AssertProblemAsync(409, "invalid_state");

        var charge = await region.PaidAsync(client, 8302);
        await (await client.PostJsonAsync($"/v1/payments/{charge}/void", new { })).AssertProblemAsync(409, "invalid_state");
        await (await region.ClientWithKey(RegionApplication.KeyB).PostJsonAsync($"/v1/payments/{authorization}/void", new { }))
            .AssertProblemAsync(404, "not_found");
    }

    [Theory]
    [InlineData("{\"intent\":\"charge\",\"amount\":100,\"currency\":\"USD\",\"maxAttempts\":0}")]
    [InlineData("{\"intent\":\"charge\",\"amount\":100,\"currency\":\"USD\",\"maxAttempts\":11}")]
    [InlineData("{\"intent\":\"charge\",\"amount\":100,\"currency\":\"USD\",\"timeout\":0}")]
    [InlineData("{\"intent\":\"charge\",\"amount\":100,\"currency\":\"USD\",\"timeout\":61}")]
    [InlineData("{\"intent\":\"charge\",\"amount\":100,\"currency\":\"USD\",\"acceptedBrands\":[]}")]
    [InlineData("{\"intent\":\"charge\",\"amount\":100,\"currency\":\"USD\",\"acceptedBrands\":[\"bogus\"]}")]
    [InlineData("{\"intent\":\"charge\",\"amount\":100,\"currency\":\"USD\",\"acceptedBrands\":[null]}")]
    [InlineData("{\"intent\":\"charge\",\"amount\":100,\"currency\":\"USD\",\"tokenType\":\"one-time\"}")]
    [InlineData("{\"intent\":\"tokenize\",\"tokenType\":\"forever\"}")]
    [InlineData("{\"intent\":\"charge\",\"amount\":100,\"currency\":\"USD\",\"statusCallback\":\"ftp://example.com/x\"}")]
    [InlineData("{\"intent\":\"charge\",\"amount\":100,\"currency\":\"USD\",\"statusCallback\":\"https://10.0.0.5/hook\"}")]
    [InlineData("{\"intent\":\"charge\",\"amount\":100,\"currency\":\"USD\",\"maxAttempts\":\"three\"}")]
    public async Task CreateSession_InvalidControl_400_AndNoSessionOpened(string json)
    {
        var client = region.ClientWithKey(RegionApplication.KeyA);
        var callId = (string)(await (await client.PostJsonAsync("/v1/calls", new { media = new { transport = "websocket" } })).BodyAsync())["id"]!;

        var response = await client.PostAsync($"/v1/calls/{callId}/payment-sessions", Json.RawJson(json), Ct);

        var status = (int)response.StatusCode;
        Assert.True(status == 400, await response.Content.ReadAsStringAsync(Ct));
        var call = await (await client.GetAsync($"/v1/calls/{callId}", Ct)).BodyAsync();
        Assert.Empty(call["paymentSessionIds"]!.AsArray());
    }

    [Fact]
    public async Task StatusCallback_TenantWithoutWebhookSecret_422()
    {
        // tenant-b never set a webhook endpoint, so it has no signing secret to verify deliveries with.
        var client = region.ClientWithKey(RegionApplication.KeyB);
        var callId = (string)(await (await client.PostJsonAsync("/v1/calls", new { media = new { transport = "websocket" } })).BodyAsync())["id"]!;

        var response = await client.PostJsonAsync($"/v1/calls/{callId}/payment-sessions",
            new { intent = "charge", amount = 100, currency = "USD", statusCallback = "https://hooks.example.com/pay" });

        await response.AssertProblemAsync(422, "webhook_not_configured");
    }

    private async Task<(Keypad Keypad, JsonNode Session)> OpenAsync(object request)
    {
        await region.EnsureWorkerAsync();
        var keypad = new Keypad(region, region.ClientWithKey(RegionApplication.KeyA));
        var response = await keypad.OpenAsync(request);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync(Ct));
        return (keypad, await response.BodyAsync());
    }
}
