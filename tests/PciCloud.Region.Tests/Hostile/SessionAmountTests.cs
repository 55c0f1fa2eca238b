using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using PciCloud.Region.Tests.Infrastructure;

namespace PciCloud.Region.Tests.Hostile;

/// <summary>
/// Issue 12 item 3: an agent (whose token may PATCH the session) can set no amount that creating the session would
/// refuse. One validator for both: the maximum, the currency and its exponent, the tenant's currencies.
/// </summary>
public sealed class SessionAmountTests(SharedRegion region)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(900_000_000_000L, "JPY", "invalid_amount")]
    [InlineData(900_000_000_000L, "USD", "invalid_amount")]
    [InlineData(100_000_000L, "USD", "invalid_amount")]
    [InlineData(0L, "USD", "invalid_amount")]
    [InlineData(-5L, "USD", "invalid_amount")]
    [InlineData(1500L, "JPY", "invalid_currency")]
    [InlineData(1500L, "XXQ", "invalid_currency")]
    [InlineData(1500L, "usd", "invalid_currency")]
    public async Task AgentPatch_RefusesWhatCreateRefuses_AndChangesNothing(long amount, string currency, string code)
    {
        using var tenant = region.ClientWithKey(RegionApplication.KeyA);
        var callId = await NewCallAsync(tenant);
        await (await tenant.PostJsonAsync($"/v1/calls/{callId}/payment-sessions", new { intent = "charge", amount, currency }))
            .AssertProblemAsync(400, code);
        var session = await (await tenant.PostJsonAsync($"/v1/calls/{callId}/payment-sessions", new { intent = "charge", amount = 1000, currency = "USD" })).BodyAsync();
        using var agent = region.ClientWithKey(PaidSessions.AgentToken(session));

        var patched = await agent.PatchAsync($"/v1/payment-sessions/{session["id"]}", JsonContent.Create(new { amount, currency }), Ct);

        await patched.AssertProblemAsync(400, code);
        var after = await (await tenant.GetAsync($"/v1/payment-sessions/{session["id"]}", Ct)).BodyAsync();
        Assert.Equal((1000L, "USD"), ((long)after["amount"]!, (string)after["currency"]!));
    }

    [Fact]
    public async Task AgentPatch_CurrencyWithoutAmount_IsRefused_TheMinorUnitsWouldChangeMeaning()
    {
        using var tenant = region.ClientWithKey(RegionApplication.KeyA);
        var callId = await NewCallAsync(tenant);
        var session = await (await tenant.PostJsonAsync($"/v1/calls/{callId}/payment-sessions", new { intent = "charge", amount = 1000, currency = "USD" })).BodyAsync();
        using var agent = region.ClientWithKey(PaidSessions.AgentToken(session));

        var patched = await agent.PatchAsync($"/v1/payment-sessions/{session["id"]}", JsonContent.Create(new { currency = "CAD" }), Ct);
        var both = await agent.PatchAsync($"/v1/payment-sessions/{session["id"]}", JsonContent.Create(new { amount = 2000, currency = "CAD" }), Ct);

        await patched.AssertProblemAsync(400, "invalid_amount");
        var after = await both.BodyAsync();
        Assert.Equal((2000L, "CAD"), ((long)after["amount"]!, (string)after["currency"]!));
    }

    private async Task<string> NewCallAsync(HttpClient tenant)
    {
        await region.EnsureWorkerAsync();
        JsonNode call = await (await tenant.PostJsonAsync("/v1/calls", new { media = new { transport = "websocket" } })).BodyAsync();
        return (string)call["id"]!;
    }
}
