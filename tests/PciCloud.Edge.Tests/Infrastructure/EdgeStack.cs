using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PciCloud.Edge.Tenancy;

namespace PciCloud.Edge.Tests.Infrastructure;

/// <summary>Three region backends (US lists tenants as an array, UK and AU as <c>{ data: [...] }</c>) and the edge in front, all on loopback.</summary>
public sealed class EdgeStack : IAsyncDisposable
{
    public const string UsTenant = "acme-us";
    public const string UkTenant = "brit-uk";
    public const string AuTenant = "roo-au";
    public const string StaticOnlyTenant = "seeded-uk";

    private EdgeStack(RegionBackend us, RegionBackend uk, RegionBackend au, WebApplication edge, Uri address)
    {
        Us = us;
        Uk = uk;
        Au = au;
        Edge = edge;
        Address = address;
        Client = new HttpClient { BaseAddress = address };
    }

    public RegionBackend Us { get; }

    public RegionBackend Uk { get; }

    public RegionBackend Au { get; }

    public WebApplication Edge { get; }

    public Uri Address { get; }

    public HttpClient Client { get; }

    public TenantDirectory Directory => Edge.Services.GetRequiredService<TenantDirectory>();

    public RegionBackend Backend(string region) => region switch { "us" => Us, "uk" => Uk, "au" => Au, _ => throw new ArgumentException(region) };

    /// <summary>The secret part of every key the backends accept; any other is refused with 401.</summary>
    public const string Secret = "s3cr3tValue";

    /// <summary>The signature part of every agent token the backends accept.</summary>
    public const string Signature = "c2lnbmF0dXJl";

    public static string SecretKey(string tenant) => $"sk_{tenant}_{Secret}";

    public static string AgentToken(string tenant) => $"{tenant}.eyJzIjoicHNfMSJ9.{Signature}";

    public static async Task<EdgeStack> StartAsync(IDictionary<string, string?>? overrides = null)
    {
        var us = await RegionBackend.StartAsync("us", wrapTenantList: false, UsTenant);
        var uk = await RegionBackend.StartAsync("uk", wrapTenantList: true, UkTenant);
        var au = await RegionBackend.StartAsync("au", wrapTenantList: true, AuTenant);
        var settings = new Dictionary<string, string?>
        {
            ["Urls"] = "http://127.0.0.1:0",
            ["Edge:Regions:us"] = us.Address.ToString(),
            ["Edge:Regions:uk"] = uk.Address.ToString(),
            ["Edge:Regions:au"] = au.Address.ToString(),
            ["Edge:PlatformAdminKey"] = RegionBackend.AdminKey,
            ["Edge:TenantRefreshSeconds"] = "0.1",
            ["Edge:StaticTenants:" + StaticOnlyTenant] = "uk",
            ["Edge:RateLimit:PermitsPerSecond"] = "100000",
            ["Edge:RateLimit:Burst"] = "100000",
        };
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }
        var edge = EdgeHost.Create(CleanContentRoot.Options, builder =>
        {
            builder.Logging.ClearProviders();
            builder.Configuration.AddInMemoryCollection(settings);
        });
        await edge.StartAsync();
        var address = new Uri(edge.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        var stack = new EdgeStack(us, uk, au, edge, address);
        await stack.WaitForTenantAsync(UsTenant);
        await stack.WaitForTenantAsync(UkTenant);
        await stack.WaitForTenantAsync(AuTenant);
        return stack;
    }

    /// <summary>Waits (on the directory's change token, no polling) until the table routes the tenant.</summary>
    public async Task WaitForTenantAsync(string tenant)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!Directory.Current.Entries.ContainsKey(tenant))
        {
            var changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            using var registration = Directory.GetChangeToken().RegisterChangeCallback(_ => changed.TrySetResult(), null);
            if (Directory.Current.Entries.ContainsKey(tenant))
            {
                return;
            }
            await changed.Task.WaitAsync(timeout.Token);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Edge.StopAsync();
        await Edge.DisposeAsync();
        await Us.DisposeAsync();
        await Uk.DisposeAsync();
        await Au.DisposeAsync();
    }
}
