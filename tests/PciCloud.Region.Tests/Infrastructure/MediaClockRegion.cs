using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PciCloud.Grains.Calls;

namespace PciCloud.Region.Tests.Infrastructure;

/// <summary>A region whose calls' media deadlines (idle, unused) run on a fake clock the tests move.</summary>
public sealed class MediaClockRegion : RegionApplication, IAsyncLifetime
{
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    public async ValueTask InitializeAsync()
    {
        _ = Server;
        await RegisterWorkerAsync(capacity: 1000, portMin: 40000, portMax: 42000);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.AddKeyedSingleton<TimeProvider>(CallGrain.MediaClockKey, Clock));
    }
}
