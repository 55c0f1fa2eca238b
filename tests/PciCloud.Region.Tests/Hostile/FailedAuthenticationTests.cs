using System.Net;
using PciCloud.Region.Tests.Infrastructure;

namespace PciCloud.Region.Tests.Hostile;

/// <summary>
/// Issue 12 item 7: failed authentications are slowed down per source address (PCI DSS 8.3.4): past the address's
/// budget it is refused before its credential is looked at, until the budget refills.
/// </summary>
public sealed class FailedAuthenticationTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task RepeatedFailures_FromOneAddress_AreRefused429_EvenWithAValidKey_UntilTheBudgetRefills()
    {
        await using var region = new RegionApplication()
            .With("Region:FailedAuthBurst", "5")
            .With("Region:FailedAuthPerMinute", "1");
        using var garbage = region.ClientWithKey("sk_tenant-a_AAAAAAAAAAAA");
        using var valid = region.ClientWithKey(RegionApplication.KeyA);
        Assert.Equal(HttpStatusCode.OK, (await valid.GetAsync("/v1/reports/calls", Ct)).StatusCode);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 8; i++)
        {
            statuses.Add((await garbage.GetAsync("/v1/reports/calls", Ct)).StatusCode);
        }

        Assert.Equal(Enumerable.Repeat(HttpStatusCode.Unauthorized, 5).Concat(Enumerable.Repeat(HttpStatusCode.TooManyRequests, 3)), statuses);
        var locked = await valid.GetAsync("/v1/reports/calls", Ct);
        await locked.AssertProblemAsync(429, "too_many_failed_authentications");
        Assert.True(locked.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1), "Retry-After missing");
    }

    [Fact]
    public async Task SuccessfulRequests_SpendNothing()
    {
        await using var region = new RegionApplication().With("Region:FailedAuthBurst", "2");
        using var valid = region.ClientWithKey(RegionApplication.KeyA);

        for (var i = 0; i < 20; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await valid.GetAsync("/v1/reports/calls", Ct)).StatusCode);
        }
    }
}
