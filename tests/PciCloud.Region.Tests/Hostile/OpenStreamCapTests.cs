using System.Net;
using PciCloud.Region.Tests.Infrastructure;

namespace PciCloud.Region.Tests.Hostile;

/// <summary>
/// Issue 12 item 9: a tenant cannot hold event streams without bound. Past the cap (here
/// <see cref="StreamCapRegion.Cap"/>), 429 too_many_streams; a stream that ends, by a final status or
/// by the client closing it, gives its slot back. Another tenant's streams are not counted.
/// </summary>
public sealed class OpenStreamCapTests(StreamCapRegion region) : IClassFixture<StreamCapRegion>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task StreamsPastTheCap_Get429_UntilAClientClosesOne()
    {
        using var tenant = region.ClientWithKey(RegionApplication.KeyA);
        var open = new List<HttpResponseMessage>();
        for (var i = 0; i < StreamCapRegion.Cap; i++)
        {
            open.Add(await OpenStreamAsync(tenant, await NewSessionAsync(tenant)));
        }

        var refused = await OpenStreamAsync(tenant, await NewSessionAsync(tenant));
        await refused.AssertProblemAsync(429, "too_many_streams");
        using var other = region.ClientWithKey(RegionApplication.KeyB);
        Assert.NotEqual(HttpStatusCode.TooManyRequests, (await OpenStreamAsync(other, "ps_unknown")).StatusCode);

        open[0].Dispose();
        var reopened = await UntilOpenAsync(tenant, await NewSessionAsync(tenant));

        Assert.Equal(HttpStatusCode.OK, reopened.StatusCode);
        reopened.Dispose();
        open[1].Dispose();
    }

    [Fact]
    public async Task StreamOfASessionThatEnds_GivesItsSlotBack()
    {
        using var tenant = region.ClientWithKey(RegionApplication.KeyB);
        var sessions = new List<string>();
        var open = new List<HttpResponseMessage>();
        for (var i = 0; i < StreamCapRegion.Cap; i++)
        {
            sessions.Add(await NewSessionAsync(tenant));
            open.Add(await OpenStreamAsync(tenant, sessions[i]));
        }

        await (await OpenStreamAsync(tenant, await NewSessionAsync(tenant))).AssertProblemAsync(429, "too_many_streams");
        await tenant.PostJsonAsync($"/v1/payment-sessions/{sessions[0]}/cancel", new { });
        // The stream ends by itself after the final status; read it to its end.
        await open[0].Content.ReadAsStringAsync(Ct);
        var reopened = await UntilOpenAsync(tenant, await NewSessionAsync(tenant));

        Assert.Equal(HttpStatusCode.OK, reopened.StatusCode);
        reopened.Dispose();
        open.ForEach(r => r.Dispose());
    }

    private async Task<HttpResponseMessage> UntilOpenAsync(HttpClient client, string sessionId)
    {
        HttpResponseMessage? opened = null;
        await Waiting.UntilAsync(async () =>
        {
            opened?.Dispose();
            opened = await OpenStreamAsync(client, sessionId);
            return opened.StatusCode != HttpStatusCode.TooManyRequests;
        }, "a freed stream slot", TimeSpan.FromSeconds(10));
        return opened!;
    }

    private static Task<HttpResponseMessage> OpenStreamAsync(HttpClient client, string sessionId) =>
        client.GetAsync($"/v1/payment-sessions/{sessionId}/events", HttpCompletionOption.ResponseHeadersRead, Ct);

    private static async Task<string> NewSessionAsync(HttpClient client)
    {
        var callId = (string)(await (await client.PostJsonAsync("/v1/calls", new { media = new { transport = "websocket" } })).BodyAsync())["id"]!;
        var session = await (await client.PostJsonAsync($"/v1/calls/{callId}/payment-sessions",
            new { intent = "charge", amount = 1500, currency = "USD" })).BodyAsync();
        return (string)session["id"]!;
    }
}
