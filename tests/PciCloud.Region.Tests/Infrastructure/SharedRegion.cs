namespace PciCloud.Region.Tests.Infrastructure;

/// <summary>One region host shared by the API tests (starting a silo costs seconds), with a worker registered.</summary>
public sealed class SharedRegion : RegionApplication, IAsyncLifetime
{
    public async ValueTask InitializeAsync()
    {
        _ = Server;
        await RegisterWorkerAsync(capacity: 10_000, portMin: 40000, portMax: 60000);
    }
}
