using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using PciCloud.Contracts.Audit;
using PciCloud.Grains.Audit;
using PciCloud.Region.Tests.Infrastructure;

namespace PciCloud.Region.Tests.Audit;

public sealed class AuditApiTests(SharedRegion region)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task List_CallActionsRecordedWithActorAndOutcome_ChainHolds()
    {
        var client = region.ClientWithKey(RegionApplication.KeyA);
        await region.EnsureWorkerAsync();
        var callId = (string)(await (await client.PostJsonAsync("/v1/calls", new { media = new { transport = "websocket" } })).BodyAsync())["id"]!;
        await client.GetAsync($"/v1/calls/{callId}", Ct);
        await client.GetAsync($"/v1/calls/{callId}/masking-report", Ct);
        await client.PostJsonAsync($"/v1/calls/{callId}/end", new { });

        var nodes = (await AuditPages.AllAsync(client)).Select(n => n!.AsObject()).ToList();
        var mine = nodes.Where(n => (string?)n["objectId"] == callId).ToList();
        Assert.Equal(["call.created", "call.read", "masking_report.read", "call.ended"], mine.Select(n => (string)n["action"]!));
        Assert.All(mine, n =>
        {
            Assert.StartsWith("evt_", (string?)n["id"], StringComparison.Ordinal);
            Assert.StartsWith("key:", (string?)n["actor"], StringComparison.Ordinal);
            Assert.Equal("success", (string?)n["outcome"]);
            Assert.True(DateTimeOffset.TryParse((string?)n["at"], out _));
        });

        // hash = hex SHA-256 of the JCS form of the event exactly as the API shows it, without "hash".
        foreach (var node in nodes)
        {
            var withoutHash = node.DeepClone().AsObject();
            withoutHash.Remove("hash");
            var expected = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(JsonCanonicalizer.Canonicalize(withoutHash))));
            Assert.Equal(expected, (string?)node["hash"]);
        }

        Assert.Equal(-1, AuditChain.FirstBreak(Events(nodes)));
    }

    [Fact]
    public async Task Reads_SessionGetEventStreamAndAdminTenantLook_AreRecorded()
    {
        var client = region.ClientWithKey(RegionApplication.KeyA);
        await region.EnsureWorkerAsync();
        var callId = (string)(await (await client.PostJsonAsync("/v1/calls", new { media = new { transport = "websocket" } })).BodyAsync())["id"]!;
        var session = await (await client.PostJsonAsync($"/v1/calls/{callId}/payment-sessions", new { intent = "charge", amount = 100, currency = "USD" })).BodyAsync();
        var id = (string)session["id"]!;
        await client.GetAsync($"/v1/payment-sessions/{id}", Ct);
        await client.GetAsync("/v1/payment-sessions/ps_doesnotexist", Ct);
        await client.PostJsonAsync($"/v1/payment-sessions/{id}/cancel", new { });
        (await client.GetAsync($"/v1/payment-sessions/{id}/events", Ct)).Dispose(); // ends at once: the session is final
        await region.ClientWithKey(RegionApplication.AdminKey).GetAsync($"/admin/v1/tenants/{RegionApplication.TenantA}", Ct);

        var nodes = (await AuditPages.AllAsync(client)).Select(n => n!.AsObject()).ToList();
        Assert.Equal(
            ["payment_session.created", "payment_session.read", "payment_session.cancel", "payment_session.events_opened"],
            nodes.Where(n => (string?)n["objectId"] == id).Select(n => (string)n["action"]!));
        Assert.Contains(nodes, n => (string?)n["objectId"] == "ps_doesnotexist" && (string?)n["outcome"] == "not_found");
        Assert.Contains(nodes, n => (string?)n["action"] == "tenant.read" && (string?)n["actor"] == "admin");
        Assert.Equal(-1, AuditChain.FirstBreak(Events(nodes)));
    }

    [Fact]
    public async Task Chain_EditOrRemovalAnywhere_Detected()
    {
        var client = region.ClientWithKey(RegionApplication.KeyA);
        await region.EnsureWorkerAsync();
        for (var i = 0; i < 3; i++)
        {
            await client.PostJsonAsync("/v1/calls", new { media = new { transport = "websocket" } });
        }

        var events = Events((await AuditPages.AllAsync(client)).Select(n => n!.AsObject()));
        Assert.True(events.Count >= 3);
        Assert.Equal(-1, AuditChain.FirstBreak(events));
        var k = events.Count / 2;

        var edited = events.ToList();
        edited[k] = edited[k] with { Outcome = "denied" };
        Assert.Equal(k, AuditChain.FirstBreak(edited));

        // An editor who also recomputes the edited event's hash breaks the link of the next one.
        var rehashed = events.ToList();
        rehashed[k] = rehashed[k] with { Actor = "admin" };
        rehashed[k] = rehashed[k] with { Hash = AuditChain.ComputeHash(rehashed[k]) };
        Assert.Equal(k + 1, AuditChain.FirstBreak(rehashed));

        var removed = events.ToList();
        removed.RemoveAt(k);
        Assert.Equal(k, AuditChain.FirstBreak(removed));

        var truncatedFront = events.Skip(1).ToList();
        Assert.Equal(0, AuditChain.FirstBreak(truncatedFront));
        Assert.Equal(-1, AuditChain.FirstBreak(truncatedFront, events[0].Hash));
    }

    [Fact]
    public async Task List_TenantScopedAndFiltered()
    {
        var a = region.ClientWithKey(RegionApplication.KeyA);
        await region.EnsureWorkerAsync();
        var b = region.ClientWithKey(RegionApplication.KeyB);
        var callId = (string)(await (await a.PostJsonAsync("/v1/calls", new { media = new { transport = "websocket" } })).BodyAsync())["id"]!;

        // B probing A's call is B's own action: recorded in B's trail as not found, never in A's.
        await b.GetAsync($"/v1/calls/{callId}", Ct);
        var bEvents = (await AuditPages.AllAsync(b));
        var probe = Assert.Single(bEvents, e => (string?)e!["objectId"] == callId);
        Assert.Equal(("call.read", "not_found"), ((string?)probe!["action"], (string?)probe["outcome"]));
        var aEvents = (await AuditPages.AllAsync(a));
        Assert.Equal(["call.created"], aEvents.Where(e => (string?)e!["objectId"] == callId).Select(e => (string)e!["action"]!));
        var future = await (await a.GetAsync("/v1/audit-events?from=2099-01-01T00:00:00Z", Ct)).BodyAsync();
        Assert.Empty(future["data"]!.AsArray());
        var past = await (await a.GetAsync("/v1/audit-events?to=2000-01-01T00:00:00Z", Ct)).BodyAsync();
        Assert.Empty(past["data"]!.AsArray());
        var window = await AuditPages.AllAsync(a, "?from=2000-01-01T00:00:00Z&to=2099-01-01T00:00:00%2B00:00");
        Assert.Contains(window, n => (string?)n!["objectId"] == callId);
    }

    [Theory]
    [InlineData("?from=yesterday")]
    [InlineData("?from=2026-01-01")]
    [InlineData("?to=2026-01-01T00:00:00")]
    [InlineData("?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z")]
    public async Task List_BadRange_Problem(string query) =>
        await (await region.ClientWithKey(RegionApplication.KeyA).GetAsync("/v1/audit-events" + query, Ct)).AssertProblemAsync(400, "invalid_request");

    [Fact]
    public async Task List_WithoutKey_Unauthenticated() =>
        await (await region.CreateClient().GetAsync("/v1/audit-events", Ct)).AssertProblemAsync(401, "unauthenticated");

    private static List<AuditEvent> Events(IEnumerable<JsonObject> nodes) =>
        [.. nodes.Select(n => n.Deserialize<AuditEvent>(JsonSerializerOptions.Web)!)];
}
