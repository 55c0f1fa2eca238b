using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
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
        await using var region = new FromAddress("203.0.113.7")
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
        await using var region = new FromAddress("203.0.113.8").With("Region:FailedAuthBurst", "2");
        using var valid = region.ClientWithKey(RegionApplication.KeyA);

        for (var i = 0; i < 20; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await valid.GetAsync("/v1/reports/calls", Ct)).StatusCode);
        }
    }

    [Fact]
    public async Task FailuresRelayedByAProxy_NeverLockTheProxyOut()
    {
        await using var region = new FromAddress("10.1.2.3").With("Region:FailedAuthBurst", "2");
        using var garbage = region.ClientWithKey("sk_tenant-a_AAAAAAAAAAAA");
        using var valid = region.ClientWithKey(RegionApplication.KeyA);

        for (var i = 0; i < 10; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await garbage.GetAsync("/v1/reports/calls", Ct)).StatusCode);
        }

        Assert.Equal(HttpStatusCode.OK, (await valid.GetAsync("/v1/reports/calls", Ct)).StatusCode);
    }

    /// <summary>A region whose every request arrives from <paramref name="address"/> (the in-memory server has none).</summary>
    private sealed class FromAddress(string address) : RegionApplication
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services => services.AddSingleton<IStartupFilter>(new AddressFilter(IPAddress.Parse(address))));
        }
    }

    private sealed class AddressFilter(IPAddress address) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((HttpContext context, RequestDelegate nextStep) =>
            {
                context.Connection.RemoteIpAddress = address;
                return nextStep(context);
            });
            next(app);
        };
    }
}
