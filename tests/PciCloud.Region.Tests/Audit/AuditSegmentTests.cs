using PciCloud.Contracts.Audit;
using PciCloud.Grains.Audit;
using PciCloud.Region.Tests.Infrastructure;

namespace PciCloud.Region.Tests.Audit;

/// <summary>A long trail is sealed into segments; listing it gives back every event, in order, chain intact.</summary>
public sealed class AuditSegmentTests(SharedRegion region)
{
    [Fact]
    public async Task LongTrail_SealedInSegments_ListsEveryEventInOrderWithAnUnbrokenChain()
    {
        var tenant = "segment-test-" + Guid.NewGuid().ToString("N");
        var log = region.Grains.GetGrain<IAuditLogGrain>(tenant);
        var total = (AuditLogGrain.SegmentSize * 2) + 17;
        var appended = new List<AuditEvent>();
        for (var i = 0; i < total; i++)
        {
            appended.Add(await log.AppendAsync(new AuditRecord("key:k1", "call.read", $"call_{i}", "success")));
        }

        var listed = await log.ListAsync(null, null);
        Assert.Equal(appended.Select(e => e.Id), listed.Select(e => e.Id));
        Assert.Equal(-1, AuditChain.FirstBreak(listed));
        var secondSegment = await region.Grains.GetGrain<IAuditSegmentGrain>(tenant + "/1").GetEventsAsync();
        Assert.Equal(appended.Skip(AuditLogGrain.SegmentSize).Take(AuditLogGrain.SegmentSize).Select(e => e.Id), secondSegment.Select(e => e.Id));

        // A range that starts inside the second segment returns exactly the events from there on.
        var middle = appended[AuditLogGrain.SegmentSize + 5];
        var fromMiddle = await log.ListAsync(DateTimeOffset.Parse(middle.At, System.Globalization.CultureInfo.InvariantCulture), null);
        Assert.Equal(middle.Id, fromMiddle[0].Id);
        Assert.Equal(-1, AuditChain.FirstBreak(fromMiddle, appended[AuditLogGrain.SegmentSize + 4].Hash));
    }

    [Fact]
    public async Task ConcurrentAppends_AllAcknowledgedAndListed_OneUnbrokenChain()
    {
        var log = region.Grains.GetGrain<IAuditLogGrain>("concurrent-test-" + Guid.NewGuid().ToString("N"));
        var total = AuditLogGrain.SegmentSize + 100;

        // Appends that arrive while a write is in flight are committed together; each still links to the one before it.
        var appended = await Task.WhenAll(Enumerable.Range(0, total).Select(i => log.AppendAsync(new AuditRecord("key:k1", "call.read", $"call_{i}", "success"))));

        var listed = await log.ListAsync(null, null);
        Assert.Equal(total, listed.Count);
        Assert.Equal(appended.Select(e => e.Id).Order(), listed.Select(e => e.Id).Order());
        Assert.Equal(-1, AuditChain.FirstBreak(listed));
    }
}
