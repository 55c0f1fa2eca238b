using PciCloud.Contracts.Audit;
using PciCloud.Grains.Audit;
using PciCloud.Region.Apis;
using PciCloud.Region.Tests.Infrastructure;

namespace PciCloud.Region.Tests.Audit;

/// <summary>
/// Issue 12 item 9: the audit list is paged (limit + cursor, at most <see cref="AuditApi.MaxLimit"/> a
/// page), so neither an answer nor a read grows with the trail; following the cursors gives every event
/// once, in chain order, even while the trail grows and segments are sealed between pages.
/// </summary>
public sealed class AuditPagingTests(SharedRegion region)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Pages_AcrossSegmentsSealedBetweenPages_GiveEveryEventOnceInOrder()
    {
        var log = region.Grains.GetGrain<IAuditLogGrain>("paging-test-" + Guid.NewGuid().ToString("N"));
        var appended = new List<AuditEvent>();
        for (var i = 0; i < AuditLogGrain.SegmentSize - 10; i++)
        {
            appended.Add(await log.AppendAsync(new AuditRecord("key:k1", "call.read", $"call_{i}", "success")));
        }

        var read = new List<AuditEvent>();
        var position = AuditPosition.Start;
        var pages = 0;
        while (true)
        {
            var page = await log.PageAsync(null, null, position, 100);
            Assert.InRange(page.Events.Count, 0, 100);
            read.AddRange(page.Events);
            if (pages++ == 1)
            {
                // The open segment is sealed while a reader is between pages: its cursor still points at the same event.
                for (var i = 0; i < AuditLogGrain.SegmentSize; i++)
                {
                    appended.Add(await log.AppendAsync(new AuditRecord("key:k1", "call.read", $"late_{i}", "success")));
                }
            }

            if (page.Next is not { } next)
            {
                break;
            }

            position = next;
        }

        Assert.Equal(appended.Select(e => e.Id), read.Select(e => e.Id));
        Assert.Equal(-1, AuditChain.FirstBreak(read));
    }

    [Fact]
    public async Task ApiPages_LimitTwo_CursorWalksTheTrailWithoutRepeats()
    {
        var client = region.ClientWithKey(RegionApplication.KeyA);
        var first = await (await client.GetAsync("/v1/audit-events?limit=2", Ct)).BodyAsync();
        var cursor = (string?)first["nextCursor"];
        var second = await (await client.GetAsync($"/v1/audit-events?limit=2&cursor={Uri.EscapeDataString(cursor!)}", Ct)).BodyAsync();

        var firstIds = first["data"]!.AsArray().Select(e => (string)e!["id"]!).ToList();
        var secondIds = second["data"]!.AsArray().Select(e => (string)e!["id"]!).ToList();
        Assert.Equal(2, firstIds.Count);
        Assert.Equal(2, secondIds.Count);
        Assert.Empty(firstIds.Intersect(secondIds));
        // The second page carries on the chain where the first ended.
        Assert.Equal((string?)first["data"]![1]!["hash"], (string?)second["data"]![0]!["previousHash"]);
    }

    [Fact]
    public async Task ApiPage_WithoutLimit_IsAtMostTheDefault()
    {
        var client = region.ClientWithKey(RegionApplication.KeyA);
        for (var i = 0; i < AuditApi.DefaultLimit + 1; i++)
        {
            await client.GetAsync("/v1/payment-sessions/ps_paging_probe", Ct);
        }

        var page = await (await client.GetAsync("/v1/audit-events", Ct)).BodyAsync();

        Assert.Equal(AuditApi.DefaultLimit, page["data"]!.AsArray().Count);
        Assert.NotNull((string?)page["nextCursor"]);
    }

    [Theory]
    [InlineData("?limit=0")]
    [InlineData("?limit=1001")]
    [InlineData("?limit=-5")]
    [InlineData("?cursor=bm90LWEtY3Vyc29y")]
    [InlineData("?cursor=%%%")]
    [InlineData("?cursor=YXVkaXQ6LTE6MA")]
    public async Task ApiPage_BadLimitOrCursor_400(string query)
    {
        var response = await region.ClientWithKey(RegionApplication.KeyA).GetAsync("/v1/audit-events" + query, Ct);
        await response.AssertProblemAsync(400, "invalid_request");
    }
}
