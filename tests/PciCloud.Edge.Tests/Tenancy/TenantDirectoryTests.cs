using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PciCloud.Edge.Configuration;
using PciCloud.Edge.Tenancy;

namespace PciCloud.Edge.Tests.Tenancy;

public sealed class TenantDirectoryTests
{
    [Fact]
    public void Static_SeedsTheTable_UntilARegionListsTheTenant()
    {
        var directory = Create(("seed", "uk"));
        Assert.Equal("uk", Region(directory, "seed"));

        directory.SetRegionTenants("us", ["seed"]);

        Assert.Equal("us", Region(directory, "seed"));
    }

    [Fact]
    public void NewSnapshot_FiresTheOldChangeToken_AndKeepsTheOldSnapshotIntact()
    {
        var directory = Create();
        var before = directory.Current;
        var token = directory.GetChangeToken();

        directory.SetRegionTenants("au", ["roo"]);

        Assert.True(token.HasChanged);
        Assert.False(before.TryGetRegion("roo", out _, out _));
        Assert.Equal("au", Region(directory, "roo"));
        Assert.True(directory.Current.Version > before.Version);
    }

    [Fact]
    public void SameList_PublishesNothing()
    {
        var directory = Create();
        directory.SetRegionTenants("au", ["roo"]);
        var token = directory.GetChangeToken();
        var version = directory.Current.Version;

        directory.SetRegionTenants("au", ["roo"]);

        Assert.False(token.HasChanged);
        Assert.Equal(version, directory.Current.Version);
    }

    [Fact]
    public void TenantListedByTwoRegions_IsNotRouted_EvenIfSeeded()
    {
        var directory = Create(("both", "us"));
        directory.SetRegionTenants("us", ["both", "a"]);
        directory.SetRegionTenants("uk", ["both", "b"]);

        Assert.False(directory.Current.TryGetRegion("both", out _, out _));
        Assert.Equal("us", Region(directory, "a"));
        Assert.Equal("uk", Region(directory, "b"));
    }

    [Fact]
    public void TenantRemovedFromItsRegionsList_IsNoLongerRouted()
    {
        var directory = Create();
        directory.SetRegionTenants("us", ["a", "b"]);

        directory.SetRegionTenants("us", ["a"]);

        Assert.False(directory.Current.TryGetRegion("b", out _, out _));
    }

    private static string Region(TenantDirectory directory, string tenant) =>
        directory.Current.TryGetRegion(tenant, out _, out var region) ? region : "(none)";

    private static TenantDirectory Create(params (string Tenant, string Region)[] seeds)
    {
        var options = new EdgeOptions();
        foreach (var (tenant, region) in seeds)
        {
            options.StaticTenants[tenant] = region;
        }
        return new TenantDirectory(new FixedOptionsMonitor(options), NullLogger<TenantDirectory>.Instance);
    }

    private sealed class FixedOptionsMonitor(EdgeOptions value) : IOptionsMonitor<EdgeOptions>
    {
        public EdgeOptions CurrentValue => value;

        public EdgeOptions Get(string? name) => value;

        public IDisposable? OnChange(Action<EdgeOptions, string?> listener) => null;
    }
}
