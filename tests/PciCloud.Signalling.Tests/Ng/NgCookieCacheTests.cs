using Microsoft.Extensions.Time.Testing;
using PciCloud.Signalling.Ng;

namespace PciCloud.Signalling.Tests.Ng;

public sealed class NgCookieCacheTests
{
    [Fact]
    public async Task ConcurrentRetransmission_WaitsForTheFirstRun()
    {
        var cache = new NgCookieCache(new FakeTimeProvider());
        var release = new TaskCompletionSource<byte[]>();
        var runs = 0;

        var first = cache.GetOrRunAsync("k", () => { runs++; return release.Task; });
        var second = cache.GetOrRunAsync("k", () => { runs++; return Task.FromResult(new byte[] { 9 }); });
        release.SetResult([1]);

        Assert.Equal([1], await first);
        Assert.Equal([1], await second);
        Assert.Equal(1, runs);
    }

    [Fact]
    public async Task FloodOfCookies_StaysBounded()
    {
        var cache = new NgCookieCache(new FakeTimeProvider(), maxEntries: 100);

        for (var i = 0; i < 1000; i++)
        {
            await cache.GetOrRunAsync("k" + i, () => Task.FromResult(Array.Empty<byte>()));
        }

        Assert.InRange(cache.Count, 1, 100);
    }
}
