using System.Net;
using PciCloud.Region.Tests.Infrastructure;

namespace PciCloud.Region.Tests.Hostile;

/// <summary>Issue 12 item 8 (token lifetime): an agent token ends with its session, after a short grace to read the outcome.</summary>
public sealed class AgentTokenLifetimeTests(SharedRegion shared)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task FinalSession_TokenStopsWorking_OnceTheGraceIsOver()
    {
        await using var region = new RegionApplication().With("Region:AgentTokenGraceMinutes", "0");
        var (sessionId, agent) = await SessionWithAgentAsync(region);
        Assert.Equal(HttpStatusCode.OK, (await agent.GetAsync($"/v1/payment-sessions/{sessionId}", Ct)).StatusCode);

        using var tenant = region.ClientWithKey(RegionApplication.KeyA);
        Assert.Equal(HttpStatusCode.OK, (await tenant.PostJsonAsync($"/v1/payment-sessions/{sessionId}/cancel", new { })).StatusCode);

        await (await agent.GetAsync($"/v1/payment-sessions/{sessionId}", Ct)).AssertProblemAsync(401, "unauthenticated");
        await (await agent.PostJsonAsync($"/v1/payment-sessions/{sessionId}/capture", new { field = "card_number" })).AssertProblemAsync(401, "unauthenticated");
    }

    [Fact]
    public async Task FinalSession_WithinTheGrace_TheAgentStillReadsTheOutcome()
    {
        var (sessionId, agent) = await SessionWithAgentAsync(shared);
        using var tenant = shared.ClientWithKey(RegionApplication.KeyA);
        Assert.Equal(HttpStatusCode.OK, (await tenant.PostJsonAsync($"/v1/payment-sessions/{sessionId}/cancel", new { })).StatusCode);

        var read = await agent.GetAsync($"/v1/payment-sessions/{sessionId}", Ct);

        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal("cancelled", (string?)(await read.BodyAsync())["status"]);
    }

    private static async Task<(string SessionId, HttpClient Agent)> SessionWithAgentAsync(RegionApplication region)
    {
        await region.EnsureWorkerAsync();
        using var tenant = region.ClientWithKey(RegionApplication.KeyA);
        var callId = (string)(await (await tenant.PostJsonAsync("/v1/calls", new { media = new { transport = "websocket" } })).BodyAsync())["id"]!;
        var session = await (await tenant.PostJsonAsync($"/v1/calls/{callId}/payment-sessions", new { intent = "charge", amount = 1000, currency = "USD" })).BodyAsync();
        return ((string)session["id"]!, region.ClientWithKey(PaidSessions.AgentToken(session)));
    }
}
