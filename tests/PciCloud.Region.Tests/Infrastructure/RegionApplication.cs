using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using PciCloud.Contracts.Media;

namespace PciCloud.Region.Tests.Infrastructure;

/// <summary>
/// The region host in memory (localhost clustering on free ports, in-memory storage, local secret
/// store), with two seeded tenants: tenant-a and tenant-b.
/// </summary>
public class RegionApplication : WebApplicationFactory<Program>
{
    public const string AdminKey = "admin_test";
    public const string TenantA = "tenant-a";
    public const string TenantB = "tenant-b";
    public const string KeyA = "sk_tenant-a_testsecretA1";
    public const string KeyB = "sk_tenant-b_testsecretB2";

    private readonly Dictionary<string, string?> _settings = new()
    {
        ["Region:Name"] = "us",
        ["Region:PlatformAdminKey"] = AdminKey,
        ["Region:PublicBaseUrl"] = "http://127.0.0.1:8081",
        ["Region:RateLimitPermitsPerSecond"] = "10000",
        ["Region:RateLimitBurst"] = "10000",
        ["Region:FailedAuthBurst"] = "100000",
        ["Region:SeedTenants:0:Id"] = TenantA,
        ["Region:SeedTenants:0:Name"] = "Tenant A",
        ["Region:SeedTenants:0:SecretKey"] = KeyA,
        ["Region:SeedTenants:0:MediaDestinations:0"] = "loopback",
        ["Region:SeedTenants:1:Id"] = TenantB,
        ["Region:SeedTenants:1:Name"] = "Tenant B",
        ["Region:SeedTenants:1:SecretKey"] = KeyB,
        ["Region:SeedTenants:1:MediaDestinations:0"] = "198.51.100.0/24",
        ["Orleans:SiloPort"] = FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Orleans:GatewayPort"] = FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Orleans:ClusterId"] = "test-" + Guid.NewGuid().ToString("N"),
    };

    public RegionApplication With(string key, string? value)
    {
        _settings[key] = value;
        return this;
    }

    public IGrainFactory Grains => Services.GetRequiredService<IGrainFactory>();

    public HttpClient ClientWithKey(string key)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", key);
        return client;
    }

    /// <summary>Registers a masking worker the way the worker itself does (through the directory grain).</summary>
    public Task RegisterWorkerAsync(string workerId = "worker-1", int capacity = 100, int portMin = 40000, int portMax = 40100) =>
        Grains.GetGrain<IMediaWorkerDirectoryGrain>(IMediaWorkerDirectoryGrain.Key).RegisterAsync(
            new MediaWorkerRegistration(workerId, "127.0.0.1", portMin, portMax, "ws://127.0.0.1:9100", capacity));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.UseEnvironment("Development");
    }
}
